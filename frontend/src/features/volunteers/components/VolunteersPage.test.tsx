// Volunteers: a sub-district coordinator narrows the list to one community (the filter shows only when the scope
// holds more than one); a community coordinator is not offered it.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import type { Me } from "@/lib/session";
import { page, volunteer as volunteerRow } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { VolunteersPage } from "./VolunteersPage";

const volunteer = volunteerRow({
  id: 1,
  number: "ZY0000001",
  name: "张玉芳",
  kind: "retired",
  phone_display: "138****5678",
  home_community_name: "百花社区",
  employer_unit_name: null,
  skills: {},
  max_hours_per_week: 6,
  active: true,
  activated: true,
});
const subDistrict: Me = {
  id: 2,
  username: "jiedao",
  display_name: "林山寨街道协调员",
  role: "subdistrict_coordinator",
  sub_district: 1,
  community: null,
  unit: null,
  volunteer: null,
};
const community = (id: number, name: string): Schema<"Community"> => ({
  id,
  sub_district: 1,
  name,
  code: `C${id}`,
  address: "",
  lat: 34.75,
  lng: 113.62,
  population: 0,
});

// Every request the page sends, as "METHOD path?query".
let calls: string[] = [];
function serve(
  communities: Schema<"Community">[],
  {
    volunteers = [volunteer],
    activation = [],
    sheet = () => Response.error(),
  }: {
    volunteers?: Schema<"Volunteer">[];
    activation?: Schema<"VolunteerActivationOutput">[];
    sheet?: () => Response;
  } = {},
) {
  calls = [];
  server.events.removeAllListeners("request:start");
  server.events.on("request:start", ({ request }) => {
    const url = new URL(request.url);
    calls.push(`${request.method} ${url.pathname}${url.search}`);
  });
  server.use(
    http.get("/api/communities/", ({ response }) => response(200).json(page(communities))),
    http.get("/api/skills/", ({ response }) => response(200).json(page([]))),
    http.get("/api/volunteers/activation/", ({ response }) => response(200).json(activation)),
    http.get("/api/volunteers/", ({ response }) => response(200).json(page(volunteers))),
    http.post("/api/volunteers/{id}/resend-invitation/", ({ response }) => response(204).empty()),
    http.get("/api/communities/{id}/invitation-sheet/", ({ response }) => response.untyped(sheet())),
  );
}
afterEach(() => {
  server.events.removeAllListeners("request:start");
  vi.unstubAllGlobals();
});

const volunteerQueries = () =>
  calls
    .filter((call) => call.startsWith("GET /api/volunteers/?"))
    .map((call) => new URL(call.slice(4), "http://x").searchParams);

it("lets a coordinator of several communities list one of them", async () => {
  serve([community(1, "百花社区"), community(2, "绿东村社区")]);
  renderWithApp(<VolunteersPage />, { me: subDistrict });
  expect(await screen.findByText("张玉芳")).toBeInTheDocument();
  await screen.findByText("社区", { selector: ".ant-select-placeholder" });
  await userEvent.click(screen.getAllByRole("combobox")[0]); // the community filter comes first
  await userEvent.click(await screen.findByTitle("绿东村社区"));
  await waitFor(() => expect(volunteerQueries().some((q) => q.get("community") === "2")).toBe(true));
});

it("does not offer the filter within one community", async () => {
  serve([community(1, "百花社区")]);
  renderWithApp(<VolunteersPage />);
  expect(await screen.findByText("张玉芳")).toBeInTheDocument();
  await waitFor(() => expect(calls.some((call) => call.startsWith("GET /api/communities/"))).toBe(true));
  expect(screen.queryByText("社区", { selector: ".ant-select-placeholder" })).toBeNull();
});

// Invitations: the activated filter, the count of the coordinator's community, 重发邀请 for a member who has not
// activated, and the community's QR sheet downloaded after a warning that earlier links stop working.
describe("invitations", () => {
  const notActivated = { ...volunteer, id: 2, name: "李静", activated: false };
  function serveInvitations(sheet: () => Response) {
    serve([community(1, "百花社区")], {
      volunteers: [{ ...volunteer, activated: true }, notActivated],
      activation: [
        { community: 1, community_name: "百花社区", volunteers: 40, activated: 31 },
        { community: 2, community_name: "绿东村社区", volunteers: 9, activated: 0 },
      ],
      sheet,
    });
    vi.stubGlobal("URL", Object.assign(URL, { createObjectURL: vi.fn(() => "blob:sheet"), revokeObjectURL: vi.fn() }));
  }

  it("filters by activation, counts the community's activated members and re-sends an invitation", async () => {
    serveInvitations(() => new Response("%PDF", { status: 200, headers: { "Content-Type": "application/pdf" } }));
    renderWithApp(<VolunteersPage />);
    const li = (await screen.findByText("李静")).closest("tr")!;
    expect(li).toHaveTextContent("未激活");
    expect(screen.getByText("张玉芳").closest("tr")).toHaveTextContent("已激活");
    expect(await screen.findByTestId("activation-count")).toHaveTextContent("已激活 31 / 40 人");
    expect(within(screen.getByText("张玉芳").closest("tr")!).queryByRole("button", { name: "重发邀请" })).toBeNull();

    await userEvent.click(within(li).getByRole("button", { name: "重发邀请" }));
    await userEvent.click(await screen.findByRole("button", { name: "确定" }));
    expect(await screen.findByText("已给 李静 重发激活邀请")).toBeInTheDocument();
    expect(calls).toContain("POST /api/volunteers/2/resend-invitation/");

    await userEvent.click(screen.getAllByRole("combobox")[3]); // kind, skill, weekday, then activation
    await userEvent.click(await screen.findByTitle("未激活"));
    await waitFor(() => expect(volunteerQueries().some((q) => q.get("activated") === "false")).toBe(true));
  });

  it("downloads the community's QR sheet only once the warning is confirmed, and shows a refusal", async () => {
    let reply = () => jsonReply(404, { message: "未找到。", extra: { code: "not_found" } });
    serveInvitations(() => reply());
    renderWithApp(<VolunteersPage />);
    await screen.findByText("李静");
    await userEvent.click(screen.getByRole("button", { name: "下载邀请二维码" }));
    expect(await screen.findByText(/此前打印或短信发送的激活链接将全部失效/)).toBeInTheDocument();
    expect(calls.some((call) => call.includes("invitation-sheet"))).toBe(false);
    await userEvent.click(screen.getByRole("button", { name: "确定" }));
    expect(await screen.findByText("未找到。")).toBeInTheDocument();

    reply = () =>
      new Response("%PDF", {
        status: 200,
        headers: {
          "Content-Type": "application/pdf",
          "Content-Disposition": 'attachment; filename="invitations-C1.pdf"',
        },
      });
    await userEvent.click(screen.getByRole("button", { name: "下载邀请二维码" }));
    await userEvent.click((await screen.findAllByRole("button", { name: "确定" })).at(-1)!);
    expect(await screen.findByText("邀请二维码已下载，请打印后交本人扫码激活。")).toBeInTheDocument();
    expect(calls.filter((call) => call.includes("invitation-sheet"))).toEqual([
      "GET /api/communities/1/invitation-sheet/",
      "GET /api/communities/1/invitation-sheet/",
    ]);
  });
});
