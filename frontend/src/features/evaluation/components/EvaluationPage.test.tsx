// 年度考评: a coordinator computes the year and reads the ranking with its grades; the figures form checks points
// (0–10) before sending and shows the server's field error on its field; a unit representative is offered no
// computation and no figures form.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { districtYear } from "@/lib/format";
import { beforeEach, expect, it } from "vitest";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { Me } from "@/lib/session";
import type { UnitEvaluation } from "../api/evaluations";
import { EvaluationPage } from "./EvaluationPage";

const year = districtYear();
const row: UnitEvaluation = {
  id: 5,
  unit: 3,
  unit_name: "区人民医院",
  community_name: "百花社区",
  year,
  rank: 1,
  item_score: 88,
  bonus_score: 9,
  scheme_score: 97,
  appraisal_count: 40,
  appraisal_rate: 0.95,
  score: 96.6,
  grade: "excellent",
  grade_label: "优秀",
  computed_at: "2026-12-03T09:00:00+08:00",
};

let results: UnitEvaluation[] = [];
let inputReply: () => Response;
let sent: { path: string; body: unknown }[] = [];
/** The year a list was asked for (openapi-msw's `query` types it as a number, but it is the URL's text). */
const yearOf = (request: Request) => new URL(request.url).searchParams.get("year");
const otherYear = { message: "只有本年的数据。", extra: { code: "invalid", fields: {} } };
beforeEach(() => {
  results = [];
  sent = [];
  server.use(
    http.get("/api/evaluations/", ({ request, response }) =>
      yearOf(request) === String(year) ? response(200).json(results) : response(400).json(otherYear),
    ),
    http.post("/api/evaluations/compute/", async ({ request, response }) => {
      sent.push({ path: "compute", body: await request.json() });
      results = [row];
      return response(200).json({ year, computed: 1 });
    }),
    http.get("/api/evaluations/inputs/", ({ request, response }) =>
      yearOf(request) === String(year) ? response(200).json([]) : response(400).json(otherYear),
    ),
    http.post("/api/evaluations/inputs/", async ({ request, response }) => {
      sent.push({ path: "inputs", body: await request.json() });
      return response.untyped(inputReply());
    }),
    http.get("/api/units/", ({ response }) =>
      response(200).json(
        page([
          {
            id: 3,
            name: "区人民医院",
            kind: "hospital",
            community: 1,
            community_name: "百花社区",
            lat: 34.75,
            lng: 113.62,
          },
        ]),
      ),
    ),
  );
});

it("computes the year and shows the ranking with the grade", async () => {
  renderWithApp(<EvaluationPage />);
  expect(await screen.findByText(/还没有考评结果/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: /计算考评/ }));
  expect(await screen.findByText(`已计算 1 个单位的 ${year} 年考评结果`)).toBeInTheDocument();
  expect(await screen.findByText("优秀")).toBeInTheDocument();
  expect(await screen.findByText("96.60")).toBeInTheDocument();
  expect(await screen.findByText("95.0%（40 份评价）")).toBeInTheDocument();
  expect(sent).toEqual([{ path: "compute", body: { year } }]);
});

it("checks the figure before sending and shows the server's field error", async () => {
  inputReply = () =>
    jsonReply(400, {
      message: "unit: 不在您的范围内。",
      extra: { code: "invalid", fields: { unit: ["不在您的范围内。"] } },
    });
  renderWithApp(<EvaluationPage />);
  const form = await screen.findByRole("form", { name: "考评数据录入" });
  await userEvent.click(within(form).getByRole("button", { name: "保存" }));
  expect(await within(form).findByText("请选择单位")).toBeInTheDocument();
  expect(await within(form).findByText("请选择项目")).toBeInTheDocument();
  expect(await within(form).findByText("请填写数值")).toBeInTheDocument();

  await userEvent.click(within(form).getByRole("combobox", { name: "单位" }));
  await userEvent.click(await screen.findByTitle("区人民医院"));
  await userEvent.click(within(form).getByRole("combobox", { name: "项目" }));
  await userEvent.click(await screen.findByTitle("学习（分）"));
  await userEvent.type(within(form).getByRole("spinbutton", { name: "数值" }), "12");
  await userEvent.click(within(form).getByRole("button", { name: "保存" }));
  expect(await within(form).findByText("得分在 0 到 10 之间")).toBeInTheDocument();
  expect(sent).toHaveLength(0);

  await userEvent.clear(within(form).getByRole("spinbutton", { name: "数值" }));
  await userEvent.type(within(form).getByRole("spinbutton", { name: "数值" }), "8");
  await userEvent.click(within(form).getByRole("button", { name: "保存" }));
  expect(await within(form).findByText("不在您的范围内。")).toBeInTheDocument();
  expect(sent).toEqual([{ path: "inputs", body: { unit: 3, year, measure: "study", value: 8, note: "" } }]);
});

it("offers a unit representative their row only, without computing or entering figures", async () => {
  results = [row];
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
  renderWithApp(<EvaluationPage />, { me: unitRep });
  expect(await screen.findByText("区人民医院")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: /计算考评/ })).toBeNull();
  expect(screen.queryByRole("form", { name: "考评数据录入" })).toBeNull();
});
