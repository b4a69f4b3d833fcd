// A finished run's figures say what the solver proved: the gap to two decimals, and the status beside it.
import { screen } from "@testing-library/react";
import { expect, it } from "vitest";
import { matchingRun } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import type { MatchingRun } from "../api/types";
import { RunSummary } from "./RunSummary";

function finished(overrides: Partial<MatchingRun>): MatchingRun {
  return matchingRun({
    id: 4,
    status: "done",
    gap: 0.0005,
    solver_status: "within_gap",
    metrics: { filled_seats: 95, total_seats: 100, volunteers_used: 80, requests_met: 3, requests_total: 4 },
    ...overrides,
  });
}

it("shows a plan within the requested gap as such, with its gap", () => {
  renderWithApp(<RunSummary run={finished({})} />);
  expect(screen.getByText("0.05%")).toBeInTheDocument();
  expect(screen.getByTestId("solver-status")).toHaveTextContent("达到要求的差距");
});

it("calls a plan optimal only when the solver proved it", () => {
  renderWithApp(<RunSummary run={finished({ gap: 0.00002, solver_status: "optimal" })} />);
  expect(screen.getByText("0.00%")).toBeInTheDocument();
  expect(screen.getByTestId("solver-status")).toHaveTextContent("已证明最优");
});

it("shows how many placements matched a stated preference, only when someone stated one", () => {
  const { unmount } = renderWithApp(
    <RunSummary
      run={finished({ metrics: { filled_seats: 1, total_seats: 1, preferences_matched: 7, preferences_stated: 3 } })}
    />,
  );
  expect(screen.getByTestId("preferences-matched")).toHaveTextContent("按志愿者意向安排7");
  unmount();
  renderWithApp(<RunSummary run={finished({ metrics: { filled_seats: 1, total_seats: 1, preferences_stated: 0 } })} />);
  expect(screen.queryByTestId("preferences-matched")).not.toBeInTheDocument();
});
