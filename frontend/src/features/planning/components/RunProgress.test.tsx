// The progress card shows what the server reports: percentage, stage, gap; and offers to cancel.
import { screen } from "@testing-library/react";
import { expect, it } from "vitest";
import { matchingRun } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { RunProgress } from "./RunProgress";

it("shows the stage, the percentage and the gap", () => {
  const run = matchingRun({ id: 3, status: "solving", stage: "求解中", progress: 45, gap: 0.032 });
  renderWithApp(<RunProgress run={run} />);
  expect(screen.getByText("45%")).toBeInTheDocument();
  expect(screen.getByText("阶段：求解中")).toBeInTheDocument();
  expect(screen.getByText("最优性差距：3.20%")).toBeInTheDocument();
  expect(screen.getByText(/正在为 百花社区 排班/)).toBeInTheDocument();
  expect(screen.getByRole("button", { name: "取消匹配" })).toBeInTheDocument();
});
