// The needs list shows each need's owner (首问) and deadline (限时办结); a need's title opens its detail with the owner
// history: who, from when, handed over by whom and why. A coordinator records who took an open need (接单), and its
// row shows the taker afterwards.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Need } from "../api/needs";
import { need as aNeed, page, volunteer } from "@/test/fixtures";
import { renderWithApp, volunteerMe } from "@/test/render";
import { http, server } from "@/test/server";
import { NeedsPage } from "./NeedsPage";

const need = aNeed({
  id: 9,
  title: "助老陪诊",
  owner: 5,
  owner_name: "李四",
  deadline: "2026-12-14",
  status: "published",
});
const unowned = aNeed({ id: 10, title: "清理楼道", owner: null, owner_name: null, status: "completed" });
const taken = aNeed({
  id: 11,
  title: "代买药品",
  status: "claimed",
  taker: { kind: "team", id: 4, name: "秦江社区助老服务队" },
});

let listed: Need[];
let takes: unknown[];
beforeEach(() => {
  listed = [need, unowned, taken];
  takes = [];
  server.use(
    http.get("/api/skills/", ({ response }) => response(200).json(page([]))),
    http.get("/api/needs/", ({ response }) => response(200).json(page(listed))),
    http.get("/api/volunteers/", ({ response }) => response(200).json(page([volunteer({ id: 21, name: "王芳" })]))),
    http.post("/api/needs/{id}/take/", async ({ params, request, response }) => {
      takes.push({ need: params.id, body: await request.json() });
      const now = { ...need, status: "claimed" as const, taker: { kind: "volunteer" as const, id: 21, name: "王芳" } };
      listed = [{ ...now, taker: { ...now.taker, name: "王*" } }, unowned, taken];
      return response(200).json(now);
    }),
    http.get("/api/needs/{id}/", ({ response }) => response(200).json({ ...need, requester_phone: "13700001234" })),
    http.get("/api/needs/{id}/owners/", ({ response }) =>
      response(200).json([
        {
          owner: 1,
          owner_name: "shequ",
          since: "2026-11-20T10:00:00+08:00",
          assigned_by: 1,
          assigned_by_name: "shequ",
          reason: "",
        },
        {
          owner: 5,
          owner_name: "李四",
          since: "2026-11-22T15:30:00+08:00",
          assigned_by: 1,
          assigned_by_name: "shequ",
          reason: "休假两周",
        },
      ]),
    ),
  );
});

it("shows owners and deadlines, and offers the hand-over on open needs only", async () => {
  renderWithApp(<NeedsPage />);
  const row = (await screen.findByText("助老陪诊")).closest("tr")!;
  expect(row).toHaveTextContent("李四");
  expect(row).toHaveTextContent("2026-12-14");
  expect(within(row).getByRole("button", { name: "移交" })).toBeInTheDocument();
  const finished = screen.getByText("清理楼道").closest("tr")!;
  expect(finished).toHaveTextContent("无人负责");
  expect(within(finished).queryByRole("button", { name: "移交" })).toBeNull();
});

it("opens a need's detail with its owner history", async () => {
  renderWithApp(<NeedsPage />);
  await userEvent.click(await screen.findByText("助老陪诊"));
  const drawer = await screen.findByRole("dialog");
  expect(await within(drawer).findByText("13700001234")).toBeInTheDocument();
  const history = within(drawer).getByTestId("need-owner-history");
  const rows = await within(history).findAllByRole("row");
  expect(rows.map((r) => r.textContent)).toEqual([
    "首问责任人起始时间经办人原因",
    "shequ2026-11-20 10:00shequ受理登记",
    "李四2026-11-22 15:30shequ休假两周",
  ]);
});

it("records who took an open need and shows the taker on its row", async () => {
  renderWithApp(<NeedsPage />);
  const row = (await screen.findByText("助老陪诊")).closest("tr")!;
  // only an open need without a taker offers it; a taken one shows its taker
  const already = screen.getByText("代买药品").closest("tr")!;
  expect(within(already).getByTestId("need-taker")).toHaveTextContent("队伍秦江社区助老服务队");
  expect(within(already).queryByRole("button", { name: "记录接单" })).toBeNull();
  expect(within(screen.getByText("清理楼道").closest("tr")!).queryByRole("button", { name: "记录接单" })).toBeNull();
  expect(within(row).queryByTestId("need-taker")).toBeNull();

  await userEvent.click(within(row).getByRole("button", { name: "记录接单" }));
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByLabelText("接单方"));
  await userEvent.click(await screen.findByText("王芳（V0021）· 百花社区"));
  await userEvent.click(within(dialog).getByRole("button", { name: "记录" }));

  expect(await screen.findByText("已记录“助老陪诊”由 王芳 接单")).toBeInTheDocument();
  await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
  const updated = (await screen.findByText("助老陪诊")).closest("tr")!;
  expect(await within(updated).findByTestId("need-taker")).toHaveTextContent("志愿者王*");
  expect(within(updated).queryByRole("button", { name: "记录接单" })).toBeNull();
  expect(takes).toEqual([{ need: "9", body: { volunteer: 21 } }]);
});

it("offers no taker record to those the server would refuse", async () => {
  renderWithApp(<NeedsPage />, { me: volunteerMe });
  const row = (await screen.findByText("助老陪诊")).closest("tr")!;
  expect(within(row).queryByRole("button", { name: "记录接单" })).toBeNull();
});
