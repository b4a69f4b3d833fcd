// One matching run (components/runs/RunPage.tsx): its live progress, then the review: the plan as a table and a
// week, the unfilled seats, the resource bookings, the comparison with the previous version, and the charts.
import { ReviewTable } from "@/components/runs/ReviewTable";
import { RunPage } from "@/components/runs/RunPage";
import { UnfilledList } from "@/components/runs/UnfilledList";
import { useI18n } from "@/lib/i18n";
import { scopeName } from "../api/types";
import { BookingsPanel } from "./BookingsPanel";
import { ComparePanel } from "./ComparePanel";
import { LazyRunCharts as RunCharts } from "./LazyRunCharts";
import { matchingKind } from "./matchingKind";
import { PlanWeekView } from "./PlanWeekView";
import { RunProgress } from "./RunProgress";
import { RunSummary } from "./RunSummary";

export function RunDetailPage() {
  const { t } = useI18n();
  return (
    <RunPage
      kind={matchingKind}
      title={(run) => `${scopeName(run, t("district"))} · ${t("weekOf", { date: run.week })}`}
      progress={(run) => <RunProgress run={run} />}
      summary={(run) => <RunSummary run={run} />}
      tabs={(run, editable) => [
        {
          key: "assignments",
          label: t("tabAssignments"),
          children: <ReviewTable kind={matchingKind} run={run} editable={editable} />,
        },
        { key: "week", label: t("tabWeek"), children: <PlanWeekView run={run} /> },
        {
          key: "unfilled",
          label: t("tabUnfilled"),
          children: <UnfilledList kind={matchingKind} run={run} editable={editable} />,
        },
        { key: "bookings", label: t("tabBookings"), children: <BookingsPanel run={run} editable={editable} /> },
        { key: "compare", label: t("tabCompare"), children: <ComparePanel run={run} /> },
        { key: "charts", label: t("tabCharts"), children: <RunCharts run={run} /> },
      ]}
    />
  );
}
