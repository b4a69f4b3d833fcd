// The coordinator's matching runs: start one for a week and scope, and the list of earlier runs to open.
import { RunListPage } from "@/components/runs/RunListPage";
import { matchingKind } from "./matchingKind";
import { RunStartForm } from "./RunStartForm";

export function RunsPage() {
  return <RunListPage kind={matchingKind} startForm={<RunStartForm />} />;
}
