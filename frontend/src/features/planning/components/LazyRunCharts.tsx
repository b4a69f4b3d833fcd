// The charts load ECharts on demand, so the first page (and phones) do not pay for it.
import { lazy, Suspense } from "react";
import { Loading } from "@/components/PageState";
import type { MatchingRun } from "../api/types";

const RunCharts = lazy(() => import("./RunCharts").then((module) => ({ default: module.RunCharts })));

export function LazyRunCharts({ run }: { run: MatchingRun }) {
  return (
    <Suspense fallback={<Loading />}>
      <RunCharts run={run} />
    </Suspense>
  );
}
