// The public tracking page: the number and phone show the order's steps; one answer for a wrong number or phone;
// a completed order takes the resident's rating once, and the page then shows it.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { TrackPage } from "./TrackPage";

function order(fields: Partial<Schema<"OrderStatus">> = {}): Schema<"OrderStatus"> {
  return {
    tracking_no: "K7M2QX9PZA",
    title: "帮忙更换厨房灯泡",
    community_name: "秦江社区",
    status: "pending",
    status_label: "待审核",
    submitted_at: "2026-12-07T09:30:00+08:00",
    status_changed_at: null,
    finished_at: null,
    deadline: "2026-12-10",
    rateable: false,
    rating_score: null,
    rating_comment: "",
    rated_at: null,
    ...fields,
  };
}

let calls: { path: string; body: unknown }[];
let trackReply: () => Response;
beforeEach(() => {
  calls = [];
  trackReply = () => jsonReply(200, order());
  server.use(
    http.post("/api/public/orders/track/", async ({ request, response }) => {
      calls.push({ path: "track", body: await request.json() });
      return response.untyped(trackReply());
    }),
    http.post("/api/public/orders/rate/", async ({ request, response }) => {
      calls.push({ path: "rate", body: await request.json() });
      return response(200).json(
        order({
          status: "rated",
          rateable: false,
          rating_score: 5,
          rating_comment: "很及时",
          rated_at: "2026-12-08T10:00:00+08:00",
        }),
      );
    }),
  );
});

async function lookUp(number: string, phone = "13655551234") {
  await userEvent.type(screen.getByLabelText("查询单号"), number);
  await userEvent.type(screen.getByLabelText("手机号"), phone);
  await userEvent.click(screen.getByRole("button", { name: "查询" }));
}

it("shows a pending order's steps and dates, and one answer for a wrong number or phone", async () => {
  trackReply = () =>
    jsonReply(404, { message: "没有与该查询单号和手机号相符的点单。", extra: { code: "not_found", fields: {} } });
  renderWithApp(<TrackPage />);
  await lookUp("K7M2QX9PZB");
  expect(await screen.findByText("没有与该查询单号和手机号相符的点单。")).toBeInTheDocument();

  trackReply = () => jsonReply(200, order());
  await userEvent.clear(screen.getByLabelText("查询单号"));
  await userEvent.type(screen.getByLabelText("查询单号"), "K7M2QX9PZA");
  await userEvent.click(screen.getByRole("button", { name: "查询" }));
  expect(await screen.findByText("帮忙更换厨房灯泡")).toBeInTheDocument();
  expect(screen.getByText(/提交于 2026-12-07 09:30/)).toHaveTextContent("承诺办结日期 2026-12-10");
  for (const step of ["待审核", "已发布", "已认领", "服务中", "已办结", "已评价"])
    expect(screen.getByText(step)).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "提交评价" })).not.toBeInTheDocument();
  expect(calls.at(-1)).toEqual({ path: "track", body: { tracking_no: "K7M2QX9PZA", phone: "13655551234" } });
});

it("takes the rating of a completed order, then shows it", async () => {
  trackReply = () =>
    jsonReply(200, order({ status: "completed", rateable: true, finished_at: "2026-12-08T09:00:00+08:00" }));
  renderWithApp(<TrackPage />, { path: "/track?tracking_no=K7M2QX9PZA" });
  expect(screen.getByLabelText("查询单号")).toHaveValue("K7M2QX9PZA");
  await userEvent.type(screen.getByLabelText("手机号"), "13655551234");
  await userEvent.click(screen.getByRole("button", { name: "查询" }));
  expect(await screen.findByText("服务已完成，请为本次服务评价")).toBeInTheDocument();

  await userEvent.click(screen.getByRole("button", { name: "提交评价" }));
  expect(await screen.findByText("请选择 1 到 5 星")).toBeInTheDocument();
  await userEvent.click(screen.getAllByRole("radio")[4]);
  await userEvent.type(screen.getByLabelText("评价内容（可不填）"), "很及时");
  await userEvent.click(screen.getByRole("button", { name: "提交评价" }));
  expect(await screen.findByText("感谢您的评价！")).toBeInTheDocument();
  expect(screen.getByText("很及时")).toBeInTheDocument();
  expect(screen.queryByRole("button", { name: "提交评价" })).not.toBeInTheDocument();
  expect(calls.at(-1)).toEqual({
    path: "rate",
    body: { tracking_no: "K7M2QX9PZA", phone: "13655551234", score: 5, comment: "很及时" },
  });
});
