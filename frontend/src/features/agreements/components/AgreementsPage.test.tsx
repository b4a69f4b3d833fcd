// The co-building agreements: each with its progress; a coordinator ticks an item done (the whole list goes back with
// that item changed), records a new agreement with its items, and sees the server's refusal on its field; a unit
// representative reads their unit's agreements and changes nothing.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { districtNow } from "@/lib/format";
import { community, page } from "@/test/fixtures";
import { coordinator, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { Agreement } from "../api/agreements";
import { AgreementsPage } from "./AgreementsPage";

const agreement: Agreement = {
  id: 3,
  unit: 7,
  unit_name: "第一中学",
  community: 1,
  community_name: "百花社区",
  year: 2026,
  title: "2026 年共建协议",
  signed_on: "2026-03-05",
  items: [
    { id: 11, description: "开放操场", quantity: 1, done: true },
    { id: 12, description: "义务家教", quantity: 4, done: false },
  ],
};
const unit: Schema<"Unit"> = {
  id: 7,
  name: "第一中学",
  kind: "school",
  community: 1,
  community_name: "百花社区",
  lat: 34.75,
  lng: 113.62,
};

let writes: { method: string; body: unknown }[] = [];
beforeEach(() => {
  writes = [];
  server.use(
    http.get("/api/agreements/", ({ response }) => response(200).json(page([agreement]))),
    http.get("/api/units/", ({ response }) => response(200).json(page([unit]))),
    http.get("/api/communities/", ({ response }) => response(200).json(page([community]))),
    http.patch("/api/agreements/{id}/", async ({ request, response }) => {
      writes.push({ method: "PATCH", body: await request.json() });
      return response(200).json(agreement);
    }),
    http.post("/api/agreements/", async ({ request, response }) => {
      const body = (await request.json()) as { title: string };
      writes.push({ method: "POST", body });
      if (body.title === "重复") {
        return response(400).json({
          message: "year: 该单位当年已与该社区签订共建协议。",
          extra: { code: "invalid", fields: { year: ["该单位当年已与该社区签订共建协议。"] } },
        });
      }
      return response(201).json({ ...agreement, id: 4 });
    }),
  );
});

it("shows each agreement's progress and sends the whole item list back when a coordinator ticks one", async () => {
  renderWithApp(<AgreementsPage />);
  const row = (await screen.findByText("2026 年共建协议")).closest("tr")!;
  expect(within(row).getByText("1/2")).toBeInTheDocument();
  // when the row is opened and the second item ticked
  await userEvent.click(within(row).getByRole("button", { name: /展开|expand/i }));
  await userEvent.click(await screen.findByRole("checkbox", { name: /义务家教/ }));
  // then the agreement's items go back with that one done and the other as it was
  await screen.findByText("已更新事项进度");
  expect(writes).toEqual([
    {
      method: "PATCH",
      body: {
        items: [
          { description: "开放操场", quantity: 1, done: true },
          { description: "义务家教", quantity: 4, done: true },
        ],
      },
    },
  ]);
});

it("records an agreement with its items, and puts the server's refusal on its field", async () => {
  renderWithApp(<AgreementsPage />);
  await userEvent.click(await screen.findByRole("button", { name: /新建共建协议/ }));
  const form = await screen.findByTestId("agreement-form");
  await userEvent.click(within(form).getByRole("combobox", { name: "驻区单位" }));
  await userEvent.click(await screen.findByTitle("第一中学"));
  await userEvent.type(within(form).getByLabelText("协议名称"), "重复");
  await userEvent.click(within(form).getByRole("button", { name: /添加事项/ }));
  await userEvent.type(within(form).getByRole("textbox", { name: "事项 1" }), "捐赠图书");
  await userEvent.click(screen.getByRole("button", { name: "保存" }));
  // then the server's word on the year is shown by the year, and the dialog stays with what was typed
  expect(await within(form).findByText("该单位当年已与该社区签订共建协议。")).toBeInTheDocument();
  expect(within(form).getByRole("textbox", { name: "事项 1" })).toHaveValue("捐赠图书");
  expect(writes).toEqual([
    {
      method: "POST",
      body: {
        unit: 7,
        community: 1,
        year: districtNow().year(), // the district's year, whatever the browser's zone
        title: "重复",
        signed_on: null,
        items: [{ description: "捐赠图书", quantity: 1, done: false }],
      },
    },
  ]);
});

it("lets a unit representative read their agreements and change nothing", async () => {
  renderWithApp(<AgreementsPage />, { me: { ...coordinator, role: "unit_representative", community: null, unit: 7 } });
  const row = (await screen.findByText("2026 年共建协议")).closest("tr")!;
  expect(screen.queryByRole("button", { name: /新建共建协议/ })).toBeNull();
  expect(within(row).queryByRole("button", { name: "编辑" })).toBeNull();
  await userEvent.click(within(row).getByRole("button", { name: /展开|expand/i }));
  expect(await screen.findByRole("checkbox", { name: /义务家教/ })).toBeDisabled();
});
