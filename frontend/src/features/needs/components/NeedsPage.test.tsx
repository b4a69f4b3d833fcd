// The needs list shows each need's owner (首问) and deadline (限时办结); a need's title opens its detail with the owner
// history: who, from when, handed over by whom and why.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import { need as aNeed, page } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
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

beforeEach(() => {
  server.use(
    http.get("/api/skills/", ({ response }) => response(200).json(page([]))),
    http.get("/api/needs/", ({ response }) => response(200).json(page([need, unowned]))),
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
