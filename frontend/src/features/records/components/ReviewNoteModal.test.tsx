// 服务记录审核: a rejection needs a note before anything is sent; the server's field error lands on the note, a
// refusal that names no field (not pending any more) in an alert; approval sends the note as given.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { ServiceRecord } from "../api/records";
import { ReviewNoteModal } from "./ReviewNoteModal";

let reply: () => Response;
let posted: { path: string; body: unknown }[] = [];
beforeEach(() => {
  posted = [];
  server.use(
    http.post("/api/records/{record_id}/reject/", async ({ params, request, response }) => {
      posted.push({ path: `/api/records/${params.record_id}/reject/`, body: await request.json() });
      return response.untyped(reply());
    }),
    http.post("/api/records/{record_id}/approve/", async ({ params, request, response }) => {
      posted.push({ path: `/api/records/${params.record_id}/approve/`, body: await request.json() });
      return response.untyped(reply());
    }),
  );
});

const record = {
  id: 5,
  volunteer: 3,
  volunteer_number: "V0003",
  volunteer_name: "王芳",
  community: 1,
  community_name: "百花社区",
  title: "助老送餐",
  date: "2026-11-20",
  place: "",
  recipient: "李*",
  content: "",
  minutes: 90,
  hours: 1.5,
  rating: null,
  person_in_charge: "",
  recorder: "zhiyuanzhe",
  source: "manual",
  status: "pending",
  evidence: "签到表照片",
  review_note: "",
  reviewed_by: null,
  reviewed_at: null,
  shift: null,
  post: null,
  attendance: null,
  changes: [],
} satisfies ServiceRecord;

it("asks for a note before rejecting, then shows the server's errors", async () => {
  const onDone = vi.fn();
  renderWithApp(<ReviewNoteModal record={record} action="reject" onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("驳回补录：助老送餐");
  await userEvent.click(within(dialog).getByRole("button", { name: "驳回" }));
  expect(await within(dialog).findByText("驳回时请填写原因，志愿者会看到")).toBeInTheDocument();
  expect(posted).toHaveLength(0);

  reply = () =>
    jsonReply(400, {
      message: "note: 请说明驳回原因。",
      extra: { code: "invalid", fields: { note: ["请说明驳回原因。"] } },
    });
  await userEvent.type(within(dialog).getByLabelText("审核意见"), " 时长与签到表不符 ");
  await userEvent.click(within(dialog).getByRole("button", { name: "驳回" }));
  expect(await within(dialog).findByText("请说明驳回原因。")).toBeInTheDocument();
  expect(posted[0]).toEqual({ path: "/api/records/5/reject/", body: { note: "时长与签到表不符" } });

  reply = () => jsonReply(400, { message: "这条记录已经审核过了。", extra: { code: "invalid" } });
  await userEvent.click(within(dialog).getByRole("button", { name: "驳回" }));
  expect(await within(dialog).findByRole("alert")).toHaveTextContent("这条记录已经审核过了。");
  expect(onDone).not.toHaveBeenCalled();
});

it("approves without a note", async () => {
  const onDone = vi.fn();
  reply = () => jsonReply(200, { ...record, status: "approved" });
  renderWithApp(<ReviewNoteModal record={record} action="approve" onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(within(dialog).getByRole("button", { name: "通过" }));
  await vi.waitFor(() => expect(onDone).toHaveBeenCalledWith(expect.objectContaining({ status: "approved" })));
  expect(posted).toEqual([{ path: "/api/records/5/approve/", body: { note: "" } }]);
});
