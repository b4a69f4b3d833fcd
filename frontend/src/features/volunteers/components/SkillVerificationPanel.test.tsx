// 技能核验 in a volunteer's profile: each claim beside what was verified (a skill that needs verification is marked
// until it is); 核验 sends the level and the note, and the server's field refusal lands on its field; 撤销核验.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { page, volunteer as volunteerRow } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { SkillVerificationPanel } from "./SkillVerificationPanel";

const volunteer = volunteerRow({
  id: 7,
  number: "ZY0000001",
  name: "张玉芳",
  kind: "in_office",
  phone_display: "137****1234",
  home_community_name: "百花社区",
  employer_unit_name: "中原区人民医院",
  skills: { medical: 3, first_aid: 2 },
  max_hours_per_week: 8,
  active: true,
  activated: true,
  employer_unit: 1,
  home_community: 1,
  languages: ["zh"],
  max_distance_km: null,
  consent_rank_name: false,
  consent_share_with_unit: true,
  reported_community: null,
  reported_at: null,
  verified_skills: [
    {
      skill: "first_aid",
      level: 2,
      note: "红十字救护员证",
      verified_by: "百花社区协调员",
      verified_at: "2026-10-08T10:00:00+08:00",
    },
  ],
});
const catalogue: Schema<"Skill">[] = [
  { id: 1, code: "medical", name: "医疗义诊", name_en: "Medical care", requires_verification: true },
  { id: 2, code: "first_aid", name: "应急救护", name_en: "First aid", requires_verification: false },
];

let requests: { path: string; body: unknown }[];
beforeEach(() => {
  requests = [];
  server.use(
    http.get("/api/skills/", ({ response }) => response(200).json(page(catalogue))),
    http.post("/api/volunteers/{id}/verify-skill/", async ({ request, response }) => {
      requests.push({ path: new URL(request.url).pathname, body: await request.json() });
      return response.untyped(
        jsonReply(400, {
          message: "level: 请确保该值小于或者等于 5。",
          extra: { code: "invalid", fields: { level: ["请确保该值小于或者等于 5。"] } },
        }),
      );
    }),
    http.post("/api/volunteers/{id}/revoke-skill/", async ({ request, response }) => {
      requests.push({ path: new URL(request.url).pathname, body: await request.json() });
      return response(204).empty();
    }),
    http.get("/api/volunteers/{id}/", ({ response }) => response(200).json(volunteer)),
  );
});

const posted = (path: string) => requests.filter((sent) => sent.path === path).map((sent) => sent.body);

it("marks the claim that needs verification and sends a verification with its note", async () => {
  renderWithApp(<SkillVerificationPanel volunteer={volunteer} />);
  const panel = await screen.findByTestId("skill-verification");
  const medical = (await within(panel).findByText("医疗义诊")).closest("tr")!;
  expect(await within(medical).findByText("待核验，暂不计入匹配")).toBeInTheDocument();
  expect(within(medical).getByText("自报 3 级")).toBeInTheDocument();
  const aid = within(panel).getByText("应急救护").closest("tr")!;
  expect(within(aid).getByText("已核验 2 级")).toBeInTheDocument();
  expect(within(aid).getByText(/百花社区协调员 于 2026-10-08 核验 · 红十字救护员证/)).toBeInTheDocument();

  await userEvent.click(within(medical).getByRole("button", { name: "核验" }));
  const dialog = await screen.findByRole("dialog");
  expect(within(dialog).getByLabelText("核验等级")).toHaveValue("3"); // the claim, to start from
  await userEvent.type(within(dialog).getByLabelText("备注或证书编号"), "医师执业证书 No.4101");
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));

  await waitFor(() =>
    expect(posted("/api/volunteers/7/verify-skill/")).toEqual([
      { skill: "medical", level: 3, note: "医师执业证书 No.4101" },
    ]),
  );
  expect(await within(dialog).findByText("请确保该值小于或者等于 5。")).toBeInTheDocument(); // on its field
});

it("checks the level on the client first", async () => {
  renderWithApp(<SkillVerificationPanel volunteer={volunteer} />);
  const panel = await screen.findByTestId("skill-verification");
  const medical = (await within(panel).findByText("医疗义诊")).closest("tr")!;
  await userEvent.click(within(medical).getByRole("button", { name: "核验" }));
  const dialog = await screen.findByRole("dialog");
  await userEvent.clear(within(dialog).getByLabelText("核验等级"));
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await within(dialog).findByText("等级为 1 到 5")).toBeInTheDocument();
  expect(posted("/api/volunteers/7/verify-skill/")).toEqual([]);
});

it("revokes a verification after confirming", async () => {
  renderWithApp(<SkillVerificationPanel volunteer={volunteer} />);
  const panel = await screen.findByTestId("skill-verification");
  const aid = (await within(panel).findByText("应急救护")).closest("tr")!;
  expect(
    within((await within(panel).findByText("医疗义诊")).closest("tr")!).queryByRole("button", { name: "撤销核验" }),
  ).toBeNull();
  await userEvent.click(within(aid).getByRole("button", { name: "撤销核验" }));
  await userEvent.click(await screen.findByRole("button", { name: "确定" }));
  await waitFor(() => expect(posted("/api/volunteers/7/revoke-skill/")).toEqual([{ skill: "first_aid" }]));
  expect(await screen.findByText("已撤销核验")).toBeInTheDocument();
});
