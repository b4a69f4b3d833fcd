// Volunteers: a sub-district coordinator narrows the list to one community (the filter shows only when the scope
// holds more than one); a community coordinator is not offered it.
import { screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, it, vi } from "vitest";
import type { Me } from "@/lib/session";
import { jsonReply, renderWithApp } from "@/test/render";
import { VolunteersPage } from "./VolunteersPage";

const page = (results: unknown[]) => jsonReply(200, { count: results.length, next: null, previous: null, results });
const volunteer = {
  id: 1, number: "ZY0000001", name: "张玉芳", kind: "retired", phone_display: "138****5678", home_community_name: "百花社区",
  employer_unit_name: null, skills: {}, max_hours_per_week: 6, active: true,
};
const subDistrict: Me = {
  id: 2, username: "jiedao", display_name: "林山寨街道协调员", role: "subdistrict_coordinator",
  sub_district: 1, community: null, unit: null, volunteer: null,
};

const fetchMock = vi.fn();
function serve(communities: { id: number; name: string }[]) {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string) => {
    if (url.startsWith("/api/communities/")) return page(communities);
    if (url.startsWith("/api/skills/")) return page([]);
    if (url.startsWith("/api/volunteers/")) return page([volunteer]);
    throw new Error(`unexpected ${url}`);
  });
}
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

const volunteerQueries = () =>
  fetchMock.mock.calls.map(([url]) => String(url)).filter((url) => url.startsWith("/api/volunteers/")).map((url) => new URL(url, "http://x").searchParams);

it("lets a coordinator of several communities list one of them", async () => {
  serve([{ id: 1, name: "百花社区" }, { id: 2, name: "绿东村社区" }]);
  renderWithApp(<VolunteersPage />, { me: subDistrict });
  expect(await screen.findByText("张玉芳")).toBeInTheDocument();
  await screen.findByText("社区", { selector: ".ant-select-placeholder" });
  await userEvent.click(screen.getAllByRole("combobox")[0]); // the community filter comes first
  await userEvent.click(await screen.findByTitle("绿东村社区"));
  await waitFor(() => expect(volunteerQueries().some((q) => q.get("community") === "2")).toBe(true));
});

it("does not offer the filter within one community", async () => {
  serve([{ id: 1, name: "百花社区" }]);
  renderWithApp(<VolunteersPage />);
  expect(await screen.findByText("张玉芳")).toBeInTheDocument();
  await waitFor(() => expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith("/api/communities/"))).toBe(true));
  expect(screen.queryByText("社区", { selector: ".ant-select-placeholder" })).toBeNull();
});
