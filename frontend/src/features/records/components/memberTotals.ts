// Per member: approved hours and records, pending entries — the unit's view of its members' service.
import type { ServiceRecord } from "../api/records";

export interface MemberTotal {
  volunteer: number;
  number: string;
  name: string;
  hours: number;
  records: number;
  pending: number;
}

export function memberTotals(records: ServiceRecord[]): MemberTotal[] {
  const byMember = new Map<number, MemberTotal>();
  for (const r of records) {
    const row = byMember.get(r.volunteer) ?? {
      volunteer: r.volunteer,
      number: r.volunteer_number,
      name: r.volunteer_name,
      hours: 0,
      records: 0,
      pending: 0,
    };
    if (r.status === "approved") {
      row.hours += r.hours;
      row.records += 1;
    } else if (r.status === "pending") {
      row.pending += 1;
    }
    byMember.set(r.volunteer, row);
  }
  return [...byMember.values()]
    .map((row) => ({ ...row, hours: Math.round(row.hours * 10) / 10 }))
    .sort((a, b) => b.hours - a.hours || a.number.localeCompare(b.number));
}
