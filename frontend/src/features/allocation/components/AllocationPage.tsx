// 定岗: start a post allocation run for a year and scope, and the list of earlier runs to open.
import { RunListPage } from "@/components/runs/RunListPage";
import { allocationKind } from "./allocationKind";
import { AllocationStartForm } from "./AllocationStartForm";

export function AllocationPage() {
  return <RunListPage kind={allocationKind} startForm={<AllocationStartForm />} />;
}
