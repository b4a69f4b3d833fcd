// Opening a round: the client asks for the units and keeps ballots within 1 to 200; the server's field error lands
// on its field; the codes come back once and are listed with their ballot address.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { AppraisalPage } from "./AppraisalPage";

const hospital: Schema<"Unit"> = {
  id: 3,
  name: "区人民医院",
  kind: "hospital",
  community: 1,
  community_name: "百花社区",
  lat: 34.75,
  lng: 113.62,
};

let posted: unknown[] = [];
let postReply: () => Response | Promise<Response>;
beforeEach(() => {
  posted = [];
  server.use(
    http.get("/api/appraisal/rounds/", ({ response }) => response(200).json([])),
    http.post("/api/appraisal/rounds/", async ({ request, response }) => {
      posted.push(await request.json());
      return response.untyped(await postReply());
    }),
    http.get("/api/units/", ({ response }) => response(200).json(page([hospital]))),
  );
});

const round: Schema<"AppraisalRound"> = {
  id: 2,
  year: 2026,
  title: "2026 年度驻区单位民主测评",
  community: 1,
  community_name: "百花社区",
  sub_district: null,
  sub_district_name: null,
  units: [3],
  ballot_count: 2,
  used_count: 0,
  created_at: "2026-12-03T09:00:00+08:00",
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

  postReply = () =>
    jsonReply(400, {
      message: "units: 范围外：区人民医院。",
      extra: { code: "invalid", fields: { units: ["范围外：区人民医院。"] } },
    });
  await userEvent.clear(ballots);
  await userEvent.type(ballots, "2");
  await userEvent.click(within(form).getByRole("combobox", { name: "参评单位" }));
  await userEvent.click(await screen.findByTitle("区人民医院"));
  await userEvent.click(within(form).getByRole("button", { name: "生成测评码" }));
  expect(await within(form).findByText("范围外：区人民医院。")).toBeInTheDocument();
  expect(posted[0]).toEqual({
    year: 2026,
    title: "2026 年度驻区单位民主测评",
    community: 1,
    sub_district: null,
    units: [3],
    ballots: 2,
  });

  postReply = () => jsonReply(201, { ...round, codes: ["ABCD-EFGH", "JKLM-NPQR"] });
  await userEvent.click(within(form).getByRole("button", { name: "生成测评码" }));
  const codes = await screen.findByTestId("appraisal-codes");
  expect(
    within(codes)
      .getAllByTestId("ballot-code")
      .map((node) => node.textContent),
  ).toEqual(["ABCD-EFGH", "JKLM-NPQR"]);
  expect(within(codes).getByText(`${window.location.origin}/appraisal/ABCD-EFGH`)).toBeInTheDocument();
});

it("still lists the codes when the dialog was closed while the round was being created", async () => {
  let answer!: (response: Response) => void;
  postReply = () => new Promise<Response>((resolve) => (answer = resolve));
  renderWithApp(<AppraisalPage />);
  await userEvent.click(await screen.findByRole("button", { name: /新建测评/ }));
  const form = await screen.findByRole("form", { name: "新建测评" });
  await userEvent.click(within(form).getByRole("combobox", { name: "参评单位" }));
  await userEvent.click(await screen.findByTitle("区人民医院"));
  await userEvent.click(within(form).getByRole("button", { name: "生成测评码" }));
  await vi.waitFor(() => expect(posted).toHaveLength(1));
  await userEvent.click(screen.getByRole("button", { name: /^(Close|关闭)$/ }));
  await vi.waitFor(() => expect(screen.queryByRole("form", { name: "新建测评" })).not.toBeInTheDocument());

  answer(jsonReply(201, { ...round, codes: ["ABCD-EFGH", "JKLM-NPQR"] }));
  const codes = await screen.findByTestId("appraisal-codes");
  expect(
    within(codes)
      .getAllByTestId("ballot-code")
      .map((node) => node.textContent),
  ).toEqual(["ABCD-EFGH", "JKLM-NPQR"]);
});
