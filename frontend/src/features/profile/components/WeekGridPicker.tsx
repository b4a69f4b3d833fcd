// Weekly availability as a grid: tap (or drag over) hour cells to switch them on and off.
import { useState } from "react";
import { enumLabel, useI18n } from "@/lib/i18n";
import { HOURS, type Grid } from "./weekGrid";

export function WeekGridPicker({ value, onChange }: { value: Grid; onChange: (grid: Grid) => void }) {
  const { t } = useI18n();
  const [painting, setPainting] = useState<boolean | null>(null);

  const set = (day: number, hour: number, on: boolean) => {
    if (value[day].has(hour) === on) return;
    const next: Grid = { ...value, [day]: new Set(value[day]) };
    if (on) next[day].add(hour);
    else next[day].delete(hour);
    onChange(next);
  };

  const cell = { border: "1px solid #f0f0f0", height: 24, padding: 0, minWidth: 36 } as const;
  return (
    <div style={{ overflowX: "auto" }} onPointerUp={() => setPainting(null)} onPointerLeave={() => setPainting(null)}>
      <table
        style={{ borderCollapse: "collapse", width: "100%", userSelect: "none", touchAction: "none" }}
        data-testid="week-grid"
      >
        <thead>
          <tr>
            <th style={{ width: 48 }} />
            {[1, 2, 3, 4, 5, 6, 7].map((day) => (
              <th key={day} style={{ fontWeight: 500, fontSize: 12 }}>
                {enumLabel(t, "weekday", day)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {HOURS.map((hour) => (
            <tr key={hour}>
              <td style={{ fontSize: 11, color: "#8c8c8c", paddingRight: 4, textAlign: "right" }}>{`${hour}:00`}</td>
              {[1, 2, 3, 4, 5, 6, 7].map((day) => {
                const on = value[day].has(hour);
                return (
                  <td
                    key={day}
                    role="checkbox"
                    aria-checked={on}
                    aria-label={`${enumLabel(t, "weekday", day)} ${hour}:00`}
                    tabIndex={0}
                    style={{ ...cell, background: on ? "#c8102e" : "#fff", cursor: "pointer" }}
                    onPointerDown={() => {
                      setPainting(!on);
                      set(day, hour, !on);
                    }}
                    onPointerEnter={() => painting !== null && set(day, hour, painting)}
                    onKeyDown={(e) => (e.key === " " || e.key === "Enter") && set(day, hour, !on)}
                  />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
