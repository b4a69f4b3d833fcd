// The volunteer's preferences: the kinds and communities already stated are shown, and saving sends both lists in one
// PATCH; a refusal shows the server's words.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { VolunteerProfile } from "../api/profile";
import { PreferencesCard } from "./PreferencesCard";

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
  preferred_kinds: ["patrol"],
  preferred_communities: [2],
};
const community = (id: number, name: string) => ({
  id,
  sub_district: 1,
  code: `c${id}`,
  name,
  lat: 34.75,
  lng: 113.62,
  address: "",
  population: 0,
});

let patched: unknown[] = [];
let patchReply: (body: Record<string, unknown>) => Response;
beforeEach(() => {
  patched = [];
  patchReply = (body) => jsonReply(200, { ...profile, ...body });
  server.use(
    http.get("/api/communities/", ({ response }) =>
      response.untyped(jsonReply(200, page([community(1, "百花社区"), community(2, "秦江社区")]))),
    ),
    http.patch("/api/volunteers/{id}/", async ({ request, response }) => {
      const body = ((await request.json()) ?? {}) as Record<string, unknown>;
      patched.push(body);
      return response.untyped(patchReply(body));
    }),
  );
});

it("shows what was stated and saves both lists at once", async () => {
  renderWithApp(<PreferencesCard profile={profile} />);
  const card = await screen.findByTestId("preferences-card");
  expect(within(card).getByText("治安巡逻")).toBeInTheDocument();
  expect(await within(card).findByText("秦江社区")).toBeInTheDocument();

  await userEvent.click(within(card).getByRole("combobox", { name: "想参加的服务类别" }));
  await userEvent.click(await screen.findByTitle("为老服务"));
  await userEvent.click(within(card).getByRole("button", { name: "保存服务意向" }));

  await waitFor(() => expect(patched).toHaveLength(1));
  expect(patched[0]).toEqual({ preferred_kinds: ["patrol", "elderly"], preferred_communities: [2] });
  expect(await screen.findByText("服务意向已保存")).toBeInTheDocument();
});

it("shows the server's refusal", async () => {
  patchReply = () =>
    jsonReply(400, {
      message: "preferred_kinds: A kind of service is named twice.",
      extra: { code: "invalid", fields: { preferred_kinds: ["A kind of service is named twice."] } },
    });
  renderWithApp(<PreferencesCard profile={profile} />);
  const card = await screen.findByTestId("preferences-card");
  await userEvent.click(within(card).getByRole("button", { name: "保存服务意向" }));
  expect(await within(card).findByText("A kind of service is named twice.")).toBeInTheDocument();
  expect(patched).toHaveLength(1);
});
