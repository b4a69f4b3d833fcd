// 导入: the kind chosen decides the template offered and the kind uploaded; an upload lands on its run's page; the
// check is shown with nothing written; a column mapped by hand is sent and the run checked again; the confirmation
// starts the worker and the page follows the run until it is done; a checked run can be cancelled instead.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { ImportRunPage } from "./ImportRunPage";
import { ImportsPage } from "./ImportsPage";

type Run = Schema<"ImportRunOutput">;

function importRun(fields: Partial<Run> = {}): Run {
  return {
    id: 7,
    kind: "volunteers",
    status: "checked",
    stage: "",
    progress: 0,
    message: "",
    version: 1,
    community: 1,
    sub_district: 1,
    file_name: "花名册.xlsx",
    headers: ["姓名", "类别", "社区", "手机"],
    header_line: 2,
    mapping: { name: 0, kind: 1, phone: 3 },
    rows_total: 3,
    rows_done: 0,
    preview: { create: 2, update: 0, unchanged: 0, bad: 1, missing_columns: ["home_community"] },
    created: 0,
    updated: 0,
    unchanged: 0,
    bad: 0,
    invited: 0,
    problems: [{ row: 5, column: "phone", reason: "请输入有效的手机号码" }],
    columns: [
      { name: "name", label: "姓名", required: true },
      { name: "kind", label: "类别", required: true },
      { name: "phone", label: "手机号码", required: false },
      { name: "home_community", label: "居住社区", required: true },
    ],
    created_by: "shequ",
    created_at: "2026-12-07T09:00:00+08:00",
    started_at: null,
    finished_at: null,
    ...fields,
  };
}

let run: Run;
let sent: { path: string; body?: unknown }[];
beforeEach(() => {
  sent = [];
  run = importRun();
  server.use(
    http.get("/api/imports/", ({ response }) => response(200).json([run])),
    http.get("/api/imports/{id}/", ({ response }) => response(200).json(run)),
    http.post("/api/imports/", async ({ request, response }) => {
      const form = await request.formData();
      const file = form.get("file") as File;
      // (the file's name is the browser's to send: jsdom's File loses it on its way through Node's fetch)
      sent.push({ path: "upload", body: { kind: form.get("kind"), text: await file.text() } });
      return response(201).json(run);
    }),
    http.post("/api/imports/{id}/mapping/", async ({ request, response }) => {
      const body = await request.json();
      sent.push({ path: "mapping", body });
      run = importRun({
        mapping: body.mapping,
        preview: { create: 2, update: 0, unchanged: 0, bad: 1, missing_columns: [] },
      });
      return response(200).json(run);
    }),
    http.post("/api/imports/{id}/cancel/", ({ response }) => {
      sent.push({ path: "cancel" });
      run = importRun({ status: "cancelled", message: "已由 shequ 取消。", finished_at: "2026-12-07T09:02:00+08:00" });
      return response(200).json(run);
    }),
    http.post("/api/imports/{id}/confirm/", ({ response }) => {
      sent.push({ path: "confirm" });
      run = importRun({ status: "queued", preview: run.preview, mapping: run.mapping });
      return response(202).json(run);
    }),
  );
});

function renderPages(path: string) {
  return renderWithApp(
    <Routes>
      <Route path="/imports" element={<ImportsPage />} />
      <Route path="/imports/:runId" element={<ImportRunPage />} />
    </Routes>,
    { path },
  );
}

it("uploads the chosen file as volunteers and opens the run's check", async () => {
  const { container } = renderPages("/imports");
  expect(await screen.findByText("花名册.xlsx")).toBeInTheDocument(); // the scope's imports
  const input = container.querySelector<HTMLInputElement>("input[type=file]")!;
  await userEvent.upload(input, new File(["姓名,类别\n张三,在职党员\n"], "名单.csv", { type: "text/csv" }));
  await waitFor(() =>
    expect(sent).toEqual([{ path: "upload", body: { kind: "volunteers", text: "姓名,类别\n张三,在职党员\n" } }]),
  );
  expect(await screen.findByTestId("import-preview")).toBeInTheDocument();
});

it("shows the check, refuses to confirm until the required columns are mapped, and sends the mapping", async () => {
  renderPages("/imports/7");
  const preview = await screen.findByTestId("import-preview");
  expect(preview).toHaveTextContent("将新增2");
  expect(preview).toHaveTextContent("有错误1");
  expect(within(preview).getByRole("alert")).toHaveTextContent("居住社区");
  expect(within(preview).getByRole("button", { name: "确认导入" })).toBeDisabled();
  expect(screen.getByTestId("import-problems")).toHaveTextContent("手机号码请输入有效的手机号码");

  await userEvent.click(screen.getByRole("combobox", { name: "居住社区" }));
  await userEvent.click(await screen.findByTitle("第 3 列：社区"));
  await userEvent.click(screen.getByRole("button", { name: "按此对应重新检查" }));
  await waitFor(() =>
    expect(sent).toEqual([{ path: "mapping", body: { mapping: { name: 0, kind: 1, phone: 3, home_community: 2 } } }]),
  );
  await waitFor(() =>
    expect(within(screen.getByTestId("import-preview")).getByRole("button", { name: "确认导入" })).toBeEnabled(),
  );
});

it("confirms, then follows the worker until the rows are written and the invitations sent", async () => {
  run = importRun({ preview: { create: 2, update: 0, unchanged: 0, bad: 1, missing_columns: [] } });
  renderPages("/imports/7");
  await userEvent.click(within(await screen.findByTestId("import-preview")).getByRole("button", { name: "确认导入" }));
  expect(await screen.findByText(/将新增 2 行、更新 0 行；1 行有错误/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: /确\s*定/ }));
  await waitFor(() => expect(sent).toEqual([{ path: "confirm" }]));
  expect(await screen.findByTestId("import-outcome")).toHaveTextContent("导入进度");
  // the worker writes the rows: the page polls until the run is done, then while the invitations go out
  const done = {
    status: "done",
    progress: 100,
    rows_done: 3,
    created: 2,
    bad: 1,
    finished_at: "2026-12-07T09:01:00+08:00",
  } as const;
  run = importRun({ ...done, invited: 0 });
  await waitFor(() => expect(screen.getByTestId("import-outcome")).toHaveTextContent("导入结果"));
  expect(screen.getByTestId("import-outcome")).toHaveTextContent("已新增2");
  expect(screen.getByTestId("import-outcome")).toHaveTextContent("正在发送激活邀请");
  run = importRun({ ...done, invited: 2 });
  await waitFor(() => expect(screen.getByTestId("import-outcome")).toHaveTextContent("已发送邀请2/ 2"));
  expect(screen.getByTestId("import-outcome")).not.toHaveTextContent("正在发送激活邀请");
  expect(screen.getByRole("link", { name: /下载错误报告/ })).toHaveAttribute(
    "href",
    "/api/imports/7/report/?format=xlsx",
  );
});

it("offers the three kinds, each with its template, and uploads the file as the kind chosen", async () => {
  const { container } = renderPages("/imports");
  expect(screen.getByRole("link", { name: /下载志愿者模板/ })).toHaveAttribute(
    "href",
    "/api/imports/template/?kind=volunteers",
  );
  await userEvent.click(screen.getByRole("combobox", { name: "导入内容" }));
  expect(await screen.findByTitle("资源")).toBeInTheDocument();
  await userEvent.click(await screen.findByTitle("驻区单位"));
  expect(screen.getByRole("link", { name: /下载驻区单位模板/ })).toHaveAttribute(
    "href",
    "/api/imports/template/?kind=units",
  );
  const input = container.querySelector<HTMLInputElement>("input[type=file]")!;
  await userEvent.upload(
    input,
    new File(["单位名称,单位类型,所在社区\n第一中学,学校,和平里\n"], "单位.csv", { type: "text/csv" }),
  );
  await waitFor(() =>
    expect(sent).toEqual([
      { path: "upload", body: { kind: "units", text: "单位名称,单位类型,所在社区\n第一中学,学校,和平里\n" } },
    ]),
  );
});

it("cancels a checked import after asking, and shows it cancelled", async () => {
  run = importRun({ kind: "units", preview: { create: 2, update: 0, unchanged: 0, bad: 1, missing_columns: [] } });
  renderPages("/imports/7");
  await userEvent.click(within(await screen.findByTestId("import-preview")).getByRole("button", { name: "取消导入" }));
  expect(await screen.findByText("取消后不会写入任何数据，上传的文件将被删除。")).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: /确\s*定/ }));
  await waitFor(() => expect(sent).toEqual([{ path: "cancel" }]));
  const outcome = await screen.findByTestId("import-outcome");
  expect(outcome).toHaveTextContent("该导入已取消，未写入任何数据。已由 shequ 取消。");
  expect(outcome).not.toHaveTextContent("已发送邀请"); // units are not people: nobody is invited
});
