// The volunteer's consents: a switch gives or withdraws one consent at once (only that field is sent), and the
// history lists each change with who made it; a refusal shows the server's words.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { VolunteerProfile } from "../api/profile";
import { ConsentCard } from "./ConsentCard";

const profile: VolunteerProfile = {
  id: 7,
  number: "ZY0000001",
  name: "张玉芳",
  kind: "in_office",
  phone_display: "13712341234",
  home_community: 1,
  home_community_name: "百花社区",
  employer_unit_name: "中原区财政局",
  skills: {},
  languages: ["zh"],
  max_hours_per_week: 8,
  max_distance_km: null,
  report_confirmed_at: null,
  consent_rank_name: false,
  consent_share_with_unit: true,
  verified_skills: [],
  activated: true,
};
const given: Schema<"ConsentChangeOutput"> = {
  id: 1,
  consent: "consent_share_with_unit",
  old_value: false,
  new_value: true,
  changed_at: "2026-11-02T10:00:00+08:00",
  changed_by: "张玉芳",
  by_volunteer: true,
};
const named: Schema<"ConsentChangeOutput"> = {
  id: 2,
  consent: "consent_rank_name",
  old_value: false,
  new_value: true,
  changed_at: "2026-12-01T09:30:00+08:00",
  changed_by: "张玉芳",
  by_volunteer: true,
};

const notFound = { message: "未找到。", extra: { code: "not_found", fields: {} } };
let history: Schema<"ConsentChangeOutput">[] = [given];
let patchReply: (body: Schema<"PatchedVolunteerPatchRequest">) => Response;
let patched: { volunteer: string; body: unknown }[] = [];
beforeEach(() => {
  history = [given];
  patched = [];
  patchReply = (body) => {
    history = [named, given];
    return jsonReply(200, { ...profile, ...body });
  };
  server.use(
    http.get("/api/volunteers/{id}/consent-history/", ({ params, response }) =>
      params.id === "7" ? response(200).json(history) : response(404).json(notFound),
    ),
    http.patch("/api/volunteers/{id}/", async ({ params, request, response }) => {
      const body = (await request.json()) ?? {};
      patched.push({ volunteer: params.id, body });
      return response.untyped(patchReply(body));
    }),
  );
});

it("gives one consent at once and shows it in the history", async () => {
  renderWithApp(<ConsentCard profile={profile} />);
  const card = await screen.findByTestId("consent-card");
  expect(await within(card).findByText("同意：记录反馈工作单位")).toBeInTheDocument();
  expect(within(card).getByRole("switch", { name: "同意把服务记录反馈给我的工作单位" })).toBeChecked();

  await userEvent.click(within(card).getByRole("switch", { name: "同意在排行榜公开我的姓名" }));

  await waitFor(() => expect(patched).toHaveLength(1));
  expect(patched[0]).toEqual({ volunteer: "7", body: { consent_rank_name: true } });
  expect(await within(card).findByText("同意：排行榜公开姓名")).toBeInTheDocument();
  expect(within(card).getAllByText("本人操作")).toHaveLength(2);
});

it("shows the server's refusal and sends nothing else", async () => {
  history = [];
  patchReply = () =>
    jsonReply(400, {
      message: "consent_rank_name: 只有志愿者本人可以在个人信息中修改此项。",
      extra: { code: "invalid", fields: { consent_rank_name: ["只有志愿者本人可以在个人信息中修改此项。"] } },
    });
  renderWithApp(<ConsentCard profile={profile} />);
  const card = await screen.findByTestId("consent-card");
  expect(await within(card).findByText("还没有变更记录")).toBeInTheDocument();
  await userEvent.click(within(card).getByRole("switch", { name: "同意在排行榜公开我的姓名" }));
  expect(await screen.findByText("consent_rank_name: 只有志愿者本人可以在个人信息中修改此项。")).toBeInTheDocument();
  expect(patched).toHaveLength(1);
});
