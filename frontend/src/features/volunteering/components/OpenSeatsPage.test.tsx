// Open seats on a phone: each seat with its claim button; a claim that succeeds says so and the seat leaves the
// list; one beaten to the last seat says so plainly (409 seat_taken).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import { jsonReply, renderWithApp, volunteerMe } from "@/test/render";
import { http, server } from "@/test/server";
import type { OpenSeat } from "../api/claims";
import { OpenSeatsPage } from "./OpenSeatsPage";

const seat = (shift: number, title: string): OpenSeat => ({
  shift,
  run: 3,
  title,
  start: "2026-12-19T09:00:00+08:00",
  end: "2026-12-19T11:00:00+08:00",
  place: { community: "秦江社区", address: "秦岭路18号", lat: 34.75, lng: 113.62 },
  post: { name: "治安巡逻岗", duties: "巡查楼院安全隐患" },
  required_skills: {},
  open_seats: 1,
});

let rows: OpenSeat[] = [];
let claimed: string[] = [];
beforeEach(() => {
  rows = [seat(11, "周六治安巡逻"), seat(12, "周六文明引导")];
  claimed = [];
  server.use(
    http.get("/api/volunteering/open-seats/", ({ response }) => response(200).json(rows)),
    http.post("/api/volunteering/open-seats/{shift_id}/claim/", ({ params, response }) => {
      claimed.push(params.shift_id);
      if (params.shift_id === "12")
        return response.untyped(
          jsonReply(409, {
            message: "Someone else took the last open seat of this shift.",
            extra: { code: "seat_taken", fields: {} },
          }),
        );
      rows = rows.filter((row) => row.shift !== 11);
      return response.untyped(jsonReply(201, { id: 99 }));
    }),
  );
});

it("lists each open seat with its time, place and post", async () => {
  renderWithApp(<OpenSeatsPage />, { me: volunteerMe });
  const cards = await screen.findAllByTestId("open-seat");
  expect(cards).toHaveLength(2);
  expect(within(cards[0]).getByText("周六治安巡逻")).toBeInTheDocument();
  expect(within(cards[0]).getByText(/秦岭路18号/)).toBeInTheDocument();
  expect(within(cards[0]).getByText("治安巡逻岗：巡查楼院安全隐患")).toBeInTheDocument();
  expect(within(cards[0]).getByText("空缺 1")).toBeInTheDocument();
});

it("claims a seat, says so, and the seat leaves the list", async () => {
  renderWithApp(<OpenSeatsPage />, { me: volunteerMe });
  const [first] = await screen.findAllByTestId("open-seat");
  await userEvent.click(within(first).getByRole("button", { name: "认领" }));
  expect(await screen.findByText("认领成功，已加入“我的岗位”")).toBeInTheDocument();
  expect(claimed).toEqual(["11"]);
  expect(await screen.findByText("周六文明引导")).toBeInTheDocument();
  await waitFor(() => expect(screen.getAllByTestId("open-seat")).toHaveLength(1));
  expect(screen.queryByText("周六治安巡逻")).not.toBeInTheDocument();
});

it("says plainly when someone else took the last seat first", async () => {
  renderWithApp(<OpenSeatsPage />, { me: volunteerMe });
  const cards = await screen.findAllByTestId("open-seat");
  await userEvent.click(within(cards[1]).getByRole("button", { name: "认领" }));
  const dialog = await screen.findByRole("dialog", { name: "这个岗位刚被别人认领了" });
  expect(within(dialog).getByText("Someone else took the last open seat of this shift.")).toBeInTheDocument();
});

it("says when nothing is open", async () => {
  rows = [];
  renderWithApp(<OpenSeatsPage />, { me: volunteerMe });
  expect(await screen.findByText("暂时没有适合您的空缺岗位。")).toBeInTheDocument();
});
