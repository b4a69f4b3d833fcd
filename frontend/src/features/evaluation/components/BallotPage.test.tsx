// The public ballot: every unit must be rated before anything is sent; the ratings go in one POST; a used or
// unknown code shows the server's message.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Route, Routes } from "react-router";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { BallotPage } from "./BallotPage";

const ballot: Schema<"AppraisalBallot"> = {
  year: 2026,
  title: "2026 年度驻区单位民主测评",
  units: [
    { id: 3, name: "区人民医院" },
    { id: 4, name: "第一中学" },
  ],
  ratings: [
    { value: "satisfied", label: "满意" },
    { value: "basically_satisfied", label: "基本满意" },
    { value: "dissatisfied", label: "不满意" },
  ],
};

const unknownCode = { message: "没有这个测评码。", extra: { code: "not_found", fields: {} } };
let getReply: () => Response;
let posted: unknown[] = [];
beforeEach(() => {
  posted = [];
  server.use(
    http.get("/api/appraisal/ballots/{code}/", ({ params, response }) =>
      params.code === "ABCD-EFGH" ? response.untyped(getReply()) : response(404).json(unknownCode),
    ),
    http.post("/api/appraisal/ballots/{code}/", async ({ params, request, response }) => {
      posted.push({ code: params.code, body: await request.json() });
      return response(204).empty();
    }),
  );
});

const renderBallot = () =>
  renderWithApp(
    <Routes>
      <Route path="/appraisal/:code" element={<BallotPage />} />
    </Routes>,
    { path: "/appraisal/ABCD-EFGH" },
  );

it("asks for every unit, then sends all the ratings at once", async () => {
  getReply = () => jsonReply(200, ballot);
  renderBallot();
  expect(await screen.findByText("2026 年度驻区单位民主测评")).toBeInTheDocument();
  await userEvent.click(screen.getAllByText("满意")[0]);
  await userEvent.click(screen.getByRole("button", { name: "提交测评" }));
  expect(await screen.findByText("请评价每一个单位（还有 1 个未选）")).toBeInTheDocument();
  expect(posted).toHaveLength(0);

  await userEvent.click(screen.getAllByText("不满意")[1]);
  await userEvent.click(screen.getByRole("button", { name: "提交测评" }));
  expect(await screen.findByText("提交成功，感谢您的参与！")).toBeInTheDocument();
  expect(posted).toEqual([
    {
      code: "ABCD-EFGH",
      body: {
        ratings: [
          { unit: 3, rating: "satisfied" },
          { unit: 4, rating: "dissatisfied" },
        ],
      },
    },
  ]);
});

it("shows the server's message for a used code", async () => {
  getReply = () => jsonReply(409, { message: "此测评码已使用。", extra: { code: "ballot_used", fields: {} } });
  renderBallot();
  expect(await screen.findByText("无法打开测评")).toBeInTheDocument();
  expect(await screen.findByText("此测评码已使用。")).toBeInTheDocument();
});
