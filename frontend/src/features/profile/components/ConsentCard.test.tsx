// The volunteer's consents: a switch gives or withdraws one consent at once (only that field is sent), and the
// history lists each change with who made it; a refusal shows the server's words.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import type { VolunteerProfile } from "../api/profile";
import { ConsentCard } from "./ConsentCard";

const profile: VolunteerProfile = {
  id: 7, number: "ZY0000001", name: "张玉芳", kind: "in_office", phone_display: "13712341234", home_community_name: "百花社区",
  employer_unit_name: "中原区财政局", skills: {}, languages: ["zh"], max_hours_per_week: 8, max_distance_km: null,
  consent_rank_name: false, consent_share_with_unit: true, verified_skills: [],
};
const given = {
  id: 1, consent: "consent_share_with_unit", old_value: false, new_value: true, changed_at: "2026-11-02T10:00:00+08:00",
  changed_by: "张玉芳", by_volunteer: true,
};
const named = {
  id: 2, consent: "consent_rank_name", old_value: false, new_value: true, changed_at: "2026-12-01T09:30:00+08:00",
  changed_by: "张玉芳", by_volunteer: true,
};

const fetchMock = vi.fn();
let history: unknown[] = [given];
beforeEach(() => {
  history = [given];
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
    if (url === "/api/volunteers/7/consent-history/") return jsonReply(200, history);
    if (url === "/api/volunteers/7/" && init.method === "PATCH") {
      history = [named, given];
      return jsonReply(200, { ...profile, ...JSON.parse(String(init.body)) });
    }
    throw new Error(`unexpected ${init.method} ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

const patches = () => fetchMock.mock.calls.filter(([, init]) => init?.method === "PATCH");

it("gives one consent at once and shows it in the history", async () => {
  renderWithApp(<ConsentCard profile={profile} />);
  const card = await screen.findByTestId("consent-card");
  expect(await within(card).findByText("同意：记录反馈工作单位")).toBeInTheDocument();
  expect(within(card).getByRole("switch", { name: "同意把服务记录反馈给我的工作单位" })).toBeChecked();

  await userEvent.click(within(card).getByRole("switch", { name: "同意在排行榜公开我的姓名" }));

  await waitFor(() => expect(patches()).toHaveLength(1));
  expect(JSON.parse(String(patches()[0][1].body))).toEqual({ consent_rank_name: true });
  expect(await within(card).findByText("同意：排行榜公开姓名")).toBeInTheDocument();
  expect(within(card).getAllByText("本人操作")).toHaveLength(2);
});

it("shows the server's refusal and sends nothing else", async () => {
  fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
    if (url === "/api/volunteers/7/consent-history/") return jsonReply(200, []);
    if (init.method === "PATCH") {
      return jsonReply(400, {
        message: "consent_rank_name: 只有志愿者本人可以在个人信息中修改此项。",
        extra: { code: "invalid", fields: { consent_rank_name: ["只有志愿者本人可以在个人信息中修改此项。"] } },
      });
    }
    throw new Error(`unexpected ${url}`);
  });
  renderWithApp(<ConsentCard profile={profile} />);
  const card = await screen.findByTestId("consent-card");
  expect(await within(card).findByText("还没有变更记录")).toBeInTheDocument();
  await userEvent.click(within(card).getByRole("switch", { name: "同意在排行榜公开我的姓名" }));
  expect(await screen.findByText("consent_rank_name: 只有志愿者本人可以在个人信息中修改此项。")).toBeInTheDocument();
  expect(patches()).toHaveLength(1);
});
