// The resource form: client rules first, then the server's field errors on the fields they name.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it, vi } from "vitest";
import type { Schema } from "@/lib/api";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { unitRep } from "./testData";
import { ResourceForm } from "./ResourceForm";

const community: Schema<"Community"> = {
  id: 1,
  sub_district: 1,
  name: "百花社区",
  code: "C1",
  address: "伊河路7号",
  lat: 34.75,
  lng: 113.63,
  population: 0,
};
const unit: Schema<"Unit"> = {
  id: 1,
  name: "财政局",
  kind: "agency",
  community: 1,
  community_name: "百花社区",
  address: "友爱路83号",
  lat: 34.7506,
  lng: 113.6325,
};

let posted: unknown[];
beforeEach(() => {
  posted = [];
  server.use(
    http.get("/api/communities/", ({ response }) => response(200).json(page([community]))),
    http.get("/api/units/{id}/", ({ params, response }) =>
      params.id === "1"
        ? response(200).json(unit)
        : response(404).json({ message: "未找到。", extra: { code: "not_found", fields: {} } }),
    ),
    http.post("/api/resources/", async ({ request, response }) => {
      posted.push(await request.json());
      return response.untyped(
        jsonReply(400, {
          message: "name: 已有同名资源。",
          extra: { code: "invalid", fields: { name: ["已有同名资源。"] } },
        }),
      );
    }),
  );
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
  expect(posted).toEqual([]);

  await userEvent.type(within(dialog).getByLabelText("名称"), "会议室");
  await userEvent.click(within(dialog).getByLabelText("类别"));
  await userEvent.click(await screen.findByTitle("场地"));
  await userEvent.click(within(dialog).getByRole("button", { name: "保存" }));

  expect(await within(dialog).findByText("已有同名资源。")).toBeInTheDocument();
  expect(onClose).not.toHaveBeenCalled();
  expect(posted).toEqual([
    expect.objectContaining({ name: "会议室", category: "venue", community: 1, lat: 34.7506, lng: 113.6325 }),
  ]);
});
