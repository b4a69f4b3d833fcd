// 年度考评: a coordinator computes the year and reads the ranking with its grades; the figures form checks points
// (0–10) before sending and shows the server's field error on its field; a unit representative is offered no
// computation and no figures form.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import type { Me } from "@/lib/session";
import type { UnitEvaluation } from "../api/evaluations";
import { EvaluationPage } from "./EvaluationPage";

const year = dayjs().year();
const row: UnitEvaluation = {
  id: 5, unit: 3, unit_name: "区人民医院", community_name: "百花社区", year, rank: 1, item_score: 88, bonus_score: 9,
  scheme_score: 97, appraisal_count: 40, appraisal_rate: 0.95, score: 96.6, grade: "excellent", grade_label: "优秀",
  computed_at: "2026-12-03T09:00:00+08:00",
};

const fetchMock = vi.fn();
let results: UnitEvaluation[] = [];
let inputReply: () => Response;
beforeEach(() => {
  results = [];
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
    if (url === `/api/evaluations/?year=${year}`) return jsonReply(200, results);
    if (url === "/api/evaluations/compute/") {
      results = [row];
      return jsonReply(200, { year, computed: 1 });
    }
    if (url === `/api/evaluations/inputs/?year=${year}`) return jsonReply(200, []);
    if (url === "/api/evaluations/inputs/" && init?.method === "POST") return inputReply();
    if (url.startsWith("/api/units/")) return jsonReply(200, { count: 1, next: null, previous: null, results: [{ id: 3, name: "区人民医院", community: 1 }] });
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

it("computes the year and shows the ranking with the grade", async () => {
  renderWithApp(<EvaluationPage />);
  expect(await screen.findByText(/还没有考评结果/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: /计算考评/ }));
  expect(await screen.findByText(`已计算 1 个单位的 ${year} 年考评结果`)).toBeInTheDocument();
  expect(await screen.findByText("优秀")).toBeInTheDocument();
  expect(await screen.findByText("96.60")).toBeInTheDocument();
  expect(await screen.findByText("95.0%（40 份评价）")).toBeInTheDocument();
  expect(JSON.parse(fetchMock.mock.calls.find(([url]) => url === "/api/evaluations/compute/")![1].body)).toEqual({ year });
});

it("checks the figure before sending and shows the server's field error", async () => {
  inputReply = () => jsonReply(400, { message: "unit: 不在您的范围内。", extra: { code: "invalid", fields: { unit: ["不在您的范围内。"] } } });
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
  expect(fetchMock.mock.calls.filter(([, init]) => init?.method === "POST")).toHaveLength(0);

  await userEvent.clear(within(form).getByRole("spinbutton", { name: "数值" }));
  await userEvent.type(within(form).getByRole("spinbutton", { name: "数值" }), "8");
  await userEvent.click(within(form).getByRole("button", { name: "保存" }));
  expect(await within(form).findByText("不在您的范围内。")).toBeInTheDocument();
  const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
  expect(JSON.parse(post[1].body)).toEqual({ unit: 3, year, measure: "study", value: 8, note: "" });
});

it("offers a unit representative their row only, without computing or entering figures", async () => {
  results = [row];
  const unitRep: Me = { id: 9, username: "danwei", display_name: "医院联络员", role: "unit_representative", sub_district: null, community: null, unit: 3, volunteer: null };
  renderWithApp(<EvaluationPage />, { me: unitRep });
  expect(await screen.findByText("区人民医院")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: /计算考评/ })).toBeNull();
  expect(screen.queryByRole("form", { name: "考评数据录入" })).toBeNull();
});
