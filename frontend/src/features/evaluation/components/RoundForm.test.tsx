// Opening a round: the client asks for the units and keeps ballots within 1 to 200; the server's field error lands
// on its field; the codes come back once and are listed with their ballot address.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { AppraisalPage } from "./AppraisalPage";

const fetchMock = vi.fn();
let postReply: () => Response;
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string, init?: RequestInit) => {
    if (url === "/api/appraisal/rounds/") return init?.method === "POST" ? postReply() : jsonReply(200, []);
    if (url.startsWith("/api/units/")) return jsonReply(200, { count: 1, next: null, previous: null, results: [{ id: 3, name: "区人民医院", community: 1 }] });
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

const round = {
  id: 2, year: 2026, title: "2026 年度驻区单位民主测评", community: 1, community_name: "百花社区", sub_district: null,
  sub_district_name: null, units: [3], ballot_count: 2, used_count: 0, created_at: "2026-12-03T09:00:00+08:00",
};

it("checks the units and the ballots, shows the server's field error, then lists the codes once", async () => {
  renderWithApp(<AppraisalPage />);
  expect(await screen.findByText(/还没有民主测评/)).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: /新建测评/ }));
  const form = await screen.findByRole("form", { name: "新建测评" });
  const ballots = within(form).getByRole("spinbutton", { name: "选票数" });
  await userEvent.clear(ballots);
  await userEvent.type(ballots, "500");
  await userEvent.click(within(form).getByRole("button", { name: "生成测评码" }));
  expect(await within(form).findByText("请至少选择一个单位")).toBeInTheDocument();
  expect(await within(form).findByText("选票数在 1 到 200 之间")).toBeInTheDocument();

  postReply = () => jsonReply(400, { message: "units: 范围外：区人民医院。", extra: { code: "invalid", fields: { units: ["范围外：区人民医院。"] } } });
  await userEvent.clear(ballots);
  await userEvent.type(ballots, "2");
  await userEvent.click(within(form).getByRole("combobox", { name: "参评单位" }));
  await userEvent.click(await screen.findByTitle("区人民医院"));
  await userEvent.click(within(form).getByRole("button", { name: "生成测评码" }));
  expect(await within(form).findByText("范围外：区人民医院。")).toBeInTheDocument();
  const post = fetchMock.mock.calls.find(([, init]) => init?.method === "POST")!;
  expect(JSON.parse(post[1].body)).toEqual({
    year: 2026, title: "2026 年度驻区单位民主测评", community: 1, sub_district: null, units: [3], ballots: 2,
  });

  postReply = () => jsonReply(201, { ...round, codes: ["ABCD-EFGH", "JKLM-NPQR"] });
  await userEvent.click(within(form).getByRole("button", { name: "生成测评码" }));
  const codes = await screen.findByTestId("appraisal-codes");
  expect(within(codes).getAllByTestId("ballot-code").map((node) => node.textContent)).toEqual(["ABCD-EFGH", "JKLM-NPQR"]);
  expect(within(codes).getByText(`${window.location.origin}/appraisal/ABCD-EFGH`)).toBeInTheDocument();
});
