// 服务记录审核: a rejection needs a note before anything is sent; the server's field error lands on the note, a
// refusal that names no field (not pending any more) in an alert; approval sends the note as given.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { jsonReply, renderWithApp } from "@/test/render";
import type { ServiceRecord } from "../api/records";
import { ReviewNoteModal } from "./ReviewNoteModal";

const fetchMock = vi.fn();
let reply: () => Response;
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string) => {
    if (url === "/api/records/5/reject/" || url === "/api/records/5/approve/") return reply();
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

const record = {
  id: 5, volunteer: 3, volunteer_number: "V0003", volunteer_name: "王芳", community: 1, community_name: "百花社区",
  title: "助老送餐", date: "2026-11-20", place: "", recipient: "李*", content: "", minutes: 90, hours: 1.5, rating: null,
  person_in_charge: "", recorder: "zhiyuanzhe", source: "manual", status: "pending", evidence: "签到表照片",
  review_note: "", reviewed_by: null, reviewed_at: null,
} satisfies ServiceRecord;

it("asks for a note before rejecting, then shows the server's errors", async () => {
  const onDone = vi.fn();
  renderWithApp(<ReviewNoteModal record={record} action="reject" onClose={vi.fn()} onDone={onDone} />);
  const dialog = await screen.findByRole("dialog");
  expect(dialog).toHaveTextContent("驳回补录：助老送餐");
  await userEvent.click(within(dialog).getByRole("button", { name: "驳回" }));
  expect(await within(dialog).findByText("驳回时请填写原因，志愿者会看到")).toBeInTheDocument();
  expect(fetchMock).not.toHaveBeenCalled();

  reply = () => jsonReply(400, { message: "note: 请说明驳回原因。", extra: { code: "invalid", fields: { note: ["请说明驳回原因。"] } } });
  await userEvent.type(within(dialog).getByLabelText("审核意见"), " 时长与签到表不符 ");
  await userEvent.click(within(dialog).getByRole("button", { name: "驳回" }));
  expect(await within(dialog).findByText("请说明驳回原因。")).toBeInTheDocument();
  expect(fetchMock.mock.calls[0][0]).toBe("/api/records/5/reject/");
  expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ note: "时长与签到表不符" });

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
  expect(JSON.parse(fetchMock.mock.calls[0][1].body)).toEqual({ note: "" });
});
