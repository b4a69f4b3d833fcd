// The service menu: each offer with its provider, conditions and orders; a coordinator takes an order for a resident
// (the need it filed is named, with its deadline) and puts a team's service on the menu, the server's refusal landing
// on its field; a unit representative offers only their own unit's service and takes no orders, and sees a service
// that takes no more orders for now marked fully booked.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { page } from "@/test/fixtures";
import { coordinator, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { Offer } from "../api/offers";
import { OffersPage } from "./OffersPage";

const offer: Offer = {
  id: 5,
  community: 1,
  community_name: "百花社区",
  team: null,
  unit: 7,
  provider_name: "区人民医院",
  title: "上门义诊",
  category: "health",
  type: "service",
  description: "测血压、血糖",
  conditions: "行动不便的老人，提前三天预约",
  schedule: "每月第一个周六上午",
  required_skills: {},
  headcount: 2,
  active: true,
  orders: 3,
  open_orders: 1,
  open_orders_limit: null,
  created_at: "2026-12-01T09:00:00+08:00",
};
const team: Schema<"Team"> = {
  id: 9,
  community: 1,
  kind: "service_team",
  name: "百花理发队",
  leader_name: "",
  member_names: [],
};

let writes: { path: string; body: unknown }[] = [];
beforeEach(() => {
  writes = [];
  server.use(
    http.get("/api/offers/", ({ response }) => response(200).json(page([offer]))),
    http.get("/api/teams/", ({ response }) => response(200).json(page([team]))),
    http.get("/api/units/", ({ response }) => response(200).json(page([]))),
    http.post("/api/offers/{id}/order/", async ({ request, response }) => {
      writes.push({ path: "order", body: await request.json() });
      return response(201).json({
        need: 42,
        title: "上门义诊",
        status: "pending",
        deadline: "2026-12-10",
        created_at: "2026-12-07T10:00:00+08:00",
      });
    }),
    http.post("/api/offers/", async ({ request, response }) => {
      const body = (await request.json()) as { title: string };
      writes.push({ path: "create", body });
      return response(400).json({
        message: "team: 请指定提供服务的队伍或单位（二者选一）。",
        extra: { code: "invalid", fields: { team: ["请指定提供服务的队伍或单位（二者选一）。"] } },
      });
    }),
  );
});

it("lists the menu and takes an order for a resident, naming the need it filed", async () => {
  renderWithApp(<OffersPage />);
  const row = (await screen.findByText("上门义诊")).closest("tr")!;
  expect(within(row).getByText("区人民医院")).toBeInTheDocument();
  expect(within(row).getByText("每月第一个周六上午")).toBeInTheDocument();
  // when the coordinator orders it for a resident who phoned
  await userEvent.click(within(row).getByRole("button", { name: "点单" }));
  const form = await screen.findByTestId("order-form");
  await userEvent.type(within(form).getByLabelText("居民姓名"), "李大爷");
  await userEvent.type(within(form).getByLabelText("联系电话"), "13800000001");
  await userEvent.type(within(form).getByLabelText("需求说明"), "想请医生上门量血压");
  await userEvent.click(screen.getByRole("button", { name: "保存" }));
  // then the order went with the resident's words, and the need it filed is named with its deadline
  expect(await screen.findByText("已生成需求 #42（待审核），办结期限 2026-12-10")).toBeInTheDocument();
  expect(writes).toEqual([
    {
      path: "order",
      body: {
        requester_name: "李大爷",
        requester_phone: "13800000001",
        description: "想请医生上门量血压",
        urgency: 3,
        wanted_start: null,
      },
    },
  ]);
});

it("puts a team's service on the menu and shows the server's refusal on its field, keeping what was typed", async () => {
  renderWithApp(<OffersPage />);
  await userEvent.click(await screen.findByRole("button", { name: /新增服务/ }));
  const form = await screen.findByTestId("offer-form");
  await userEvent.click(within(form).getByRole("combobox", { name: "队伍" }));
  await userEvent.click(await screen.findByTitle("百花理发队"));
  await userEvent.type(within(form).getByLabelText("服务名称"), "上门理发");
  await userEvent.click(within(form).getByRole("combobox", { name: "类别" }));
  await userEvent.click(await screen.findByTitle("为老服务"));
  await userEvent.click(screen.getByRole("button", { name: "保存" }));
  expect(await within(form).findByText("请指定提供服务的队伍或单位（二者选一）。")).toBeInTheDocument();
  expect(within(form).getByLabelText("服务名称")).toHaveValue("上门理发");
  expect(writes).toEqual([
    {
      path: "create",
      body: {
        team: 9,
        unit: null,
        title: "上门理发",
        category: "elderly",
        type: "service",
        description: "",
        conditions: "",
        schedule: "",
        headcount: 1,
        open_orders_limit: null,
        active: true,
      },
    },
  ]);
});

it("lets a unit representative keep their unit's offers but take no orders", async () => {
  // their offer takes one order at a time, and one is open
  server.use(
    http.get("/api/offers/", ({ response }) => response(200).json(page([{ ...offer, open_orders_limit: 1 }]))),
  );
  renderWithApp(<OffersPage />, { me: { ...coordinator, role: "unit_representative", community: null, unit: 7 } });
  const row = (await screen.findByText("上门义诊")).closest("tr")!;
  expect(within(row).getByText("已约满")).toBeInTheDocument();
  expect(within(row).queryByRole("button", { name: "点单" })).toBeNull();
  expect(within(row).getByRole("button", { name: "编辑" })).toBeInTheDocument();
  await userEvent.click(screen.getByRole("button", { name: /新增服务/ }));
  const form = await screen.findByTestId("offer-form");
  expect(within(form).queryByText("提供方类型")).toBeNull();
  expect(within(form).getByRole("combobox", { name: "驻区单位" })).toBeInTheDocument();
});
