// 单位反馈报告: a coordinator cannot ask for a quarter that has not begun, sees the server's field error, and is
// told the reports are queued; a unit representative is offered the files and no writing.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { Me } from "@/lib/session";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { FeedbackReport } from "../api/feedback";
import { FeedbackReportsPage } from "./FeedbackReportsPage";

const report: FeedbackReport = {
  id: 4,
  unit: 3,
  unit_name: "区人民医院",
  year: 2026,
  quarter: 3,
  member_count: 12,
  minutes: 5430,
  hours: 90.5,
  generated_at: "2026-10-01T02:00:00+08:00",
  pdf_url: "http://testserver/api/feedback-reports/4/pdf/",
  xlsx_url: "http://testserver/api/feedback-reports/4/xlsx/",
};

let listed: FeedbackReport[] = [];
let writeReply: () => Response;
let written: unknown[] = [];
beforeEach(() => {
  listed = [];
  written = [];
  server.use(
    http.get("/api/feedback-reports/", ({ response }) => response(200).json(page(listed))),
    http.post("/api/feedback-reports/write/", async ({ request, response }) => {
      written.push(await request.json());
      return response.untyped(writeReply());
    }),
  );
});
afterEach(() => {
  vi.useRealTimers();
});

const writes = () => written;

it("refuses a quarter not begun, shows the server's field error, then says the reports are queued", async () => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date("2026-05-10T10:00:00+08:00"));
  renderWithApp(<FeedbackReportsPage />);
  expect(await screen.findByText(/还没有反馈报告/)).toBeInTheDocument();
  expect(screen.getByRole("spinbutton", { name: "年份" })).toHaveValue("2026");
  await userEvent.click(screen.getByRole("combobox", { name: "季度" }));
  await userEvent.click(await screen.findByTitle("Q3"));
  await userEvent.click(screen.getByRole("button", { name: "生成报告" }));
  expect(await screen.findByText("这个季度还没有开始")).toBeInTheDocument();
  expect(writes()).toHaveLength(0);
  await userEvent.click(screen.getByRole("combobox", { name: "季度" }));
  await userEvent.click(await screen.findByTitle("Q1"));

  writeReply = () =>
    jsonReply(400, {
      message: "quarter: 该季度尚未开始。",
      extra: { code: "invalid", fields: { quarter: ["该季度尚未开始。"] } },
    });
  await userEvent.click(screen.getByRole("button", { name: "生成报告" }));
  expect(await screen.findByText("该季度尚未开始。")).toBeInTheDocument();
  expect(writes()).toEqual([{ year: 2026, quarter: 1 }]);

  writeReply = () => jsonReply(202, { year: 2026, quarter: 1, units: 5 });
  await userEvent.click(screen.getByRole("button", { name: "生成报告" }));
  expect(
    await screen.findByText("已排队：5 个单位的 2026 年第 1 季度报告正在生成，稍后刷新查看。"),
  ).toBeInTheDocument();
}, 60_000);

it("offers a unit representative the report files and no writing", async () => {
  listed = [report];
  const unitRep: Me = {
    id: 9,
    username: "danwei",
    display_name: "医院联络员",
    role: "unit_representative",
    sub_district: null,
    community: null,
    unit: 3,
    volunteer: null,
  };
  renderWithApp(<FeedbackReportsPage />, { me: unitRep });
  const row = (await screen.findByText("2026 年第 3 季度")).closest("tr")!;
  expect(within(row).getByRole("link", { name: /PDF/ })).toHaveAttribute("href", report.pdf_url);
  expect(within(row).getByRole("link", { name: /XLSX/ })).toHaveAttribute("href", report.xlsx_url);
  expect(within(row).getByText("90.5")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "生成报告" })).toBeNull();
});
