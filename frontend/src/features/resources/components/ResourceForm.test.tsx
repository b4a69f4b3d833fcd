// The resource form: client rules first, then the server's field errors on the fields they name.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import type { Me } from "@/lib/session";
import { jsonReply, renderWithApp } from "@/test/render";
import { ResourceForm } from "./ResourceForm";

const unitRep: Me = {
  id: 4, username: "danwei", display_name: "联络员", role: "unit_representative",
  sub_district: null, community: null, unit: 1, volunteer: null,
};

const fetchMock = vi.fn();
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string, init: RequestInit) => {
    if (url.startsWith("/api/communities/"))
      return jsonReply(200, { count: 1, next: null, previous: null, results: [{ id: 1, name: "百花社区", address: "伊河路7号", lat: 34.75, lng: 113.63 }] });
    if (url === "/api/units/1/") return jsonReply(200, { id: 1, name: "财政局", community: 1, address: "友爱路83号", lat: 34.7506, lng: 113.6325 });
    if (url === "/api/resources/" && init.method === "POST")
      return jsonReply(400, { message: "name: 已有同名资源。", extra: { code: "invalid", fields: { name: ["已有同名资源。"] } } });
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

it("checks required fields on the client, then shows the server's field error", async () => {
  const onClose = vi.fn();
  renderWithApp(<ResourceForm onClose={onClose} />, { me: unitRep });
  const dialog = await screen.findByRole("dialog");
  // the unit's place is filled in
  await waitFor(() => expect(within(dialog).getByLabelText("地址")).toHaveValue("友爱路83号"));

  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));
  expect(await within(dialog).findByText("请输入名称")).toBeInTheDocument();
  expect(await within(dialog).findByText("请选择类别")).toBeInTheDocument();
  expect(fetchMock.mock.calls.some(([url]) => url === "/api/resources/")).toBe(false);

  await userEvent.type(within(dialog).getByLabelText("名称"), "会议室");
  await userEvent.click(within(dialog).getByLabelText("类别"));
  await userEvent.click(await screen.findByTitle("场地"));
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));

  expect(await within(dialog).findByText("已有同名资源。")).toBeInTheDocument();
  expect(onClose).not.toHaveBeenCalled();
  const post = fetchMock.mock.calls.find(([url, init]) => url === "/api/resources/" && init.method === "POST")!;
  expect(JSON.parse(post[1].body)).toMatchObject({ name: "会议室", category: "venue", community: 1, lat: 34.7506, lng: 113.6325 });
});
