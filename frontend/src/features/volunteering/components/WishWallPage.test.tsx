// The micro-wish wall on a phone: open wishes with their community and category; taking one says so and it leaves
// the wall; a wish taken first by someone else is said plainly (409 already_taken).
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp, volunteerMe } from "@/test/render";
import { http, server } from "@/test/server";
import type { MicroWish } from "../api/claims";
import { WishWallPage } from "./WishWallPage";

const wish = (id: number, title: string): MicroWish => ({
  id,
  title,
  summary: "独居老人想听戏",
  category: "elderly",
  type: "object",
  community: 1,
  community_name: "秦江社区",
  wanted_start: null,
  wanted_end: null,
  deadline: "2026-12-20",
  status: "published",
});

let rows: MicroWish[] = [];
let claimed: string[] = [];
beforeEach(() => {
  rows = [wish(5, "帮忙买一台收音机"), wish(6, "陪老人下棋")];
  claimed = [];
  server.use(
    http.get("/api/volunteering/wishes/", ({ response }) => response(200).json(page(rows))),
    http.post("/api/volunteering/wishes/{need_id}/claim/", ({ params, response }) => {
      claimed.push(params.need_id);
      if (params.need_id === "6")
        return response.untyped(
          jsonReply(409, {
            message: "This micro-wish has already been taken.",
            extra: { code: "already_taken", fields: {} },
          }),
        );
      const taken = rows.find((row) => row.id === 5)!;
      rows = rows.filter((row) => row.id !== 5);
      return response(200).json({ ...taken, status: "claimed" });
    }),
  );
});

it("shows open wishes with their community, category and deadline", async () => {
  renderWithApp(<WishWallPage />, { me: volunteerMe });
  const cards = await screen.findAllByTestId("wish");
  expect(cards).toHaveLength(2);
  expect(within(cards[0]).getByText("帮忙买一台收音机")).toBeInTheDocument();
  expect(within(cards[0]).getByText("秦江社区")).toBeInTheDocument();
  expect(within(cards[0]).getByText("为老服务")).toBeInTheDocument();
  expect(within(cards[0]).getByText("请在 2026-12-20 前完成")).toBeInTheDocument();
});

it("takes a wish, says so, and it leaves the wall", async () => {
  renderWithApp(<WishWallPage />, { me: volunteerMe });
  const [first] = await screen.findAllByTestId("wish");
  await userEvent.click(within(first).getByRole("button", { name: "认领心愿" }));
  expect(await screen.findByText("认领成功，社区会与您联系")).toBeInTheDocument();
  expect(claimed).toEqual(["5"]);
  await waitFor(() => expect(screen.getAllByTestId("wish")).toHaveLength(1));
  expect(screen.queryByText("帮忙买一台收音机")).not.toBeInTheDocument();
});

it("says plainly when someone else took the wish first", async () => {
  renderWithApp(<WishWallPage />, { me: volunteerMe });
  const cards = await screen.findAllByTestId("wish");
  await userEvent.click(within(cards[1]).getByRole("button", { name: "认领心愿" }));
  const dialog = await screen.findByRole("dialog", { name: "这个心愿已被别人认领" });
  expect(within(dialog).getByText("This micro-wish has already been taken.")).toBeInTheDocument();
});
