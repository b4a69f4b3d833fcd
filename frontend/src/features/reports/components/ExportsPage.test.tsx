// 导出: the client asks for the contents first; the server's field error lands on its field; a requested export
// is followed until its file is written, then offers the download; a failed one shows its error.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { ExportJob } from "../api/exports";
import { ExportsPage } from "./ExportsPage";

const job = (patch: Partial<ExportJob>): ExportJob => ({
  id: 7,
  kind: "service_records",
  format: "csv",
  parameters: {},
  status: "queued",
  progress: 0,
  rows_done: 0,
  rows_total: 0,
  error: "",
  created_at: "2026-12-03T09:00:00+08:00",
  started_at: null,
  finished_at: null,
  expires_at: null,
  download_url: null,
  ...patch,
});

let postReply: () => Response;
let listed: ExportJob[] = [];
let polls: ExportJob[] = [];
let posted: unknown[] = [];
beforeEach(() => {
  listed = [];
  polls = [];
  posted = [];
  server.use(
    http.get("/api/exports/", ({ response }) => response(200).json(page(listed))),
    http.post("/api/exports/", async ({ request, response }) => {
      posted.push(await request.json());
      return response.untyped(postReply());
    }),
    http.get("/api/exports/{job_id}/", ({ response }) =>
      response(200).json(polls.length > 1 ? polls.shift()! : polls[0]),
    ),
  );
});

const posts = () => posted;

it("explains the empty list and asks for the contents before sending anything", async () => {
  renderWithApp(<ExportsPage />);
  expect(await screen.findByText(/还没有导出/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: "开始导出" }));
  expect(await screen.findByText("请选择导出内容")).toBeInTheDocument();
  expect(posts()).toHaveLength(0);
});

it("shows the server's field error on its field", async () => {
  postReply = () =>
    jsonReply(400, {
      message: "format: 仅提供 csv。",
      extra: { code: "invalid", fields: { format: ["仅提供 csv。"] } },
    });
  renderWithApp(<ExportsPage />);
  const form = await screen.findByRole("form", { name: "新建导出" });
  await userEvent.click(within(form).getByRole("combobox", { name: "导出内容" }));
  await userEvent.click(await screen.findByTitle("单位台账"));
  await userEvent.click(within(form).getByRole("button", { name: "开始导出" }));
  expect(await within(form).findByText("仅提供 csv。")).toBeInTheDocument();
  expect(posts()).toEqual([{ kind: "unit_ledgers", format: "csv" }]);
  expect(within(form).queryByRole("alert")).toBeNull();
});

it("follows a requested export until it is done and offers the file", async () => {
  postReply = () => {
    listed = [job({})];
    return jsonReply(202, job({}));
  };
  polls = [
    job({ status: "running", progress: 40, rows_done: 400, rows_total: 1000 }),
    job({
      status: "done",
      progress: 100,
      rows_done: 1000,
      rows_total: 1000,
      download_url: "http://testserver/api/exports/7/download/",
      expires_at: "2026-12-10T09:00:00+08:00",
    }),
  ];
  renderWithApp(<ExportsPage />);
  const form = await screen.findByRole("form", { name: "新建导出" });
  await userEvent.click(within(form).getByRole("combobox", { name: "导出内容" }));
  await userEvent.click(await screen.findByTitle("服务记录"));
  await userEvent.click(within(form).getByRole("button", { name: "开始导出" }));
  expect(await screen.findByText("已提交，正在排队生成文件")).toBeInTheDocument();
  const row = await screen.findByTestId("export-job-7");
  expect(await within(row).findByText("400 / 1000 行", {}, { timeout: 8000 })).toBeInTheDocument();
  const link = await within(row).findByRole("link", { name: /下载/ }, { timeout: 8000 });
  expect(link).toHaveAttribute("href", "http://testserver/api/exports/7/download/");
  expect(within(row).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "100");
  expect(within(row).getByText("已完成")).toBeInTheDocument();
}, 40_000);

it("shows a failed export's error", async () => {
  listed = [job({ status: "failed", error: "数据库不可用" })];
  renderWithApp(<ExportsPage />);
  expect(await screen.findByText("导出失败：数据库不可用")).toBeInTheDocument();
  expect(screen.queryByRole("link", { name: /下载/ })).toBeNull();
});

it("shows the list's answer once it has seen the job finished", async () => {
  const done = job({ status: "done", progress: 100, download_url: "http://testserver/api/exports/7/download/" });
  listed = [job({})];
  polls = [job({})]; // the job's own answer is older than the list's
  renderWithApp(<ExportsPage />);
  const row = await screen.findByTestId("export-job-7");
  expect(within(row).getByText("排队中")).toBeInTheDocument();
  listed = [done];
  expect(await within(row).findByRole("link", { name: /下载/ }, { timeout: 8000 })).toBeInTheDocument();
}, 40_000);
