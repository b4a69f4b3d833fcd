// 驻区单位台账: the month's unit ledgers — a unit representative's own unit, a coordinator's units in scope
// (with a unit filter); a row opens the ledger.
import { DatePicker, Select, Space } from "antd";
import type { ColumnsType } from "antd/es/table";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router";
import { SimpleList } from "@/components/SimpleList";
import { districtNow, pickedDay } from "@/lib/format";
import { useI18n } from "@/lib/i18n";
import { isCoordinator, useSession } from "@/lib/session";
import { useLedgerUnits, useLedgers, type LedgerListRow } from "../api/ledgers";

export function LedgersPage() {
  const { t } = useI18n();
  const me = useSession();
  const coordinator = isCoordinator(me);
  const [month, setMonth] = useState<Dayjs | null>(() => districtNow().subtract(1, "month"));
  const [unit, setUnit] = useState<number | undefined>();
  const units = useLedgerUnits(coordinator);
  const filters = { month: month ? pickedDay(month).slice(0, 7) : undefined, unit };
  const columns: ColumnsType<LedgerListRow> = [
    { title: t("ledgerMonth"), dataIndex: "month", width: 100 },
    {
      title: t("ledgerUnit"),
      dataIndex: "unit_name",
      render: (name: string, row) => <Link to={`/ledgers/${row.id}`}>{name}</Link>,
    },
    { title: t("ledgerProjects"), dataIndex: "project_count", width: 90 },
    { title: t("ledgerBookings"), dataIndex: "booking_count", width: 90 },
    { title: t("ledgerResourceHours"), dataIndex: "resource_hours", width: 110 },
    { title: t("ledgerMembers"), dataIndex: "member_count", width: 90 },
    { title: t("ledgerMemberHours"), dataIndex: "member_hours", width: 110 },
    { title: t("ledgerEntries"), dataIndex: "entry_count", width: 90 },
  ];
  return (
    <SimpleList<LedgerListRow>
      key={`${filters.month}-${unit ?? ""}`}
      title={t("ledgersTitle")}
      useRows={useLedgers}
      columns={columns}
      emptyText={t("ledgersEmpty")}
      searchable={false}
      filters={filters}
      extra={
        <Space wrap>
          <DatePicker
            picker="month"
            value={month}
            onChange={setMonth}
            placeholder={t("ledgerAllMonths")}
            aria-label={t("ledgerMonth")}
          />
          {coordinator && (
            <Select
              allowClear
              showSearch={{ optionFilterProp: "label" }}
              style={{ width: 200 }}
              placeholder={t("ledgerAllUnits")}
              loading={units.isLoading}
              value={unit}
              onChange={(value) => setUnit(value)}
              options={(units.data?.results ?? []).map((row) => ({ value: row.id, label: row.name }))}
              aria-label={t("ledgerUnit")}
            />
          )}
        </Space>
      }
    />
  );
}
