// A run's resource bookings on its page: each with why the resource was chosen and the requests left without one; a
// pin is sent as such, and a swap offers the suitable alternatives, books the one chosen, or shows the server's
// refusal.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import { matchingRun } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import type { BookingAlternative, ResourceBooking, UnmetRequest } from "../api/types";
import { BookingsPanel } from "./BookingsPanel";

const booking: ResourceBooking = {
  id: 11,
  request: 7,
  shift: 3,
  shift_title: "政策宣讲",
  shift_start: "2026-12-05T09:00:00+08:00",
  shift_end: "2026-12-05T11:00:00+08:00",
  community_name: "秦江社区",
  kind: "venue",
  min_capacity: 30,
  features: [],
  resource: 5,
  resource_name: "近的会议室",
  resource_capacity: 40,
  unit_name: "中原区人民医院",
  facility: null,
  conditions: "工作日需提前一天预约",
  pinned: false,
  source: "solver",
  why: {
    code: "nearest",
    message: "最近的合适资源：距离 0 公里（上限 5 公里），容纳 40 人（需要 30 人），整个班次空闲。",
    distance_km: 0,
    max_distance_km: 5,
    capacity: 40,
    min_capacity: 30,
    features: [],
    free_from: "2026-12-05T08:00:00+08:00",
    free_to: "2026-12-05T18:00:00+08:00",
    alternatives: 1,
    broken: [],
  },
};

const unmet: UnmetRequest = {
  request: 8,
  shift: 4,
  shift_title: "助老出行",
  shift_start: "2026-12-05T14:00:00+08:00",
  shift_end: "2026-12-05T16:00:00+08:00",
  community_name: "秦江社区",
  kind: "vehicle",
  min_capacity: 5,
  features: [],
  code: "no_such_resource",
  message: "没有这种类别、容量和设施的资源。",
};

const hall: BookingAlternative = {
  resource: 9,
  name: "秦江社区服务大厅",
  capacity: 60,
  features: [],
  unit_name: null,
  facility: 2,
  community_name: "秦江社区",
  conditions: "",
  distance_km: 1.11,
};

let sent: { pin: unknown[]; swap: unknown[] };
beforeEach(() => {
  sent = { pin: [], swap: [] };
  server.use(
    http.get("/api/planning/runs/{id}/bookings/", ({ response }) =>
      response(200).json({ bookings: [booking], unmet: [unmet] }),
    ),
    http.get("/api/planning/runs/{id}/bookings/{booking_id}/alternatives/", ({ response }) =>
      response(200).json([hall]),
    ),
    http.patch("/api/planning/runs/{id}/bookings/{booking_id}/", async ({ request, response }) => {
      const body = await request.json();
      sent.pin.push(body);
      return response(200).json({ ...booking, pinned: body?.pinned ?? false, why: null });
    }),
  );
});

const run = matchingRun({ id: 4, status: "done" });

it("lists each booking with why it was chosen, and the requests left without a resource", async () => {
  renderWithApp(<BookingsPanel run={run} editable />);
  const row = (await screen.findByText("近的会议室（容纳 40 人）")).closest("tr")!;
  expect(within(row).getByText("政策宣讲")).toBeInTheDocument();
  expect(within(row).getByText("场地 · 至少 30 人")).toBeInTheDocument();
  expect(within(row).getByText("中原区人民医院")).toBeInTheDocument();
  expect(within(row).getByText("最近的合适资源")).toBeInTheDocument();
  expect(within(row).getByText(booking.why!.message)).toBeInTheDocument();
  expect(within(row).getByText("使用条件：工作日需提前一天预约")).toBeInTheDocument();
  const missing = screen.getByText("助老出行").closest("tr")!;
  expect(within(missing).getByText("车辆 · 至少 5 人")).toBeInTheDocument();
  expect(within(missing).getByText("没有这种类别、容量和设施的资源。")).toBeInTheDocument();
});

it("sends a pin", async () => {
  renderWithApp(<BookingsPanel run={run} editable />);
  await userEvent.click(await screen.findByRole("switch", { name: "锁定 近的会议室" }));
  await expect.poll(() => sent.pin).toEqual([{ pinned: true }]);
});

it("swaps to an alternative the coordinator chooses", async () => {
  server.use(
    http.post("/api/planning/runs/{id}/bookings/{booking_id}/swap/", async ({ request, params, response }) => {
      sent.swap.push({ booking: params.booking_id, ...(await request.json()) });
      return response(200).json({ ...booking, resource: 9, pinned: true, source: "manual", why: null });
    }),
  );
  renderWithApp(<BookingsPanel run={run} editable />);
  await userEvent.click(await screen.findByRole("button", { name: "更换" }));
  const dialog = await screen.findByRole("dialog");
  const option = (await within(dialog).findByText("秦江社区服务大厅")).closest("tr")!;
  expect(within(option).getByText("社区设施")).toBeInTheDocument();
  expect(within(option).getByText("1.11 公里")).toBeInTheDocument();
  await userEvent.click(within(option).getByRole("button", { name: "选用" }));
  expect(await screen.findByText("已更换并锁定。")).toBeInTheDocument();
  expect(sent.swap).toEqual([{ booking: "11", resource: 9 }]);
});

it("shows the server's refusal of a swap and keeps the dialog open", async () => {
  server.use(
    http.post("/api/planning/runs/{id}/bookings/{booking_id}/swap/", ({ response }) =>
      response(409).json({
        message: "本版排班中另一项预订在该时段占用此资源。",
        extra: { code: "resource_booked", fields: {} },
      }),
    ),
  );
  renderWithApp(<BookingsPanel run={run} editable />);
  await userEvent.click(await screen.findByRole("button", { name: "更换" }));
  const dialog = await screen.findByRole("dialog");
  await userEvent.click(await within(dialog).findByRole("button", { name: "选用" }));
  expect(await within(dialog).findByText("本版排班中另一项预订在该时段占用此资源。")).toBeInTheDocument();
});

it("offers neither swap nor pin once the plan cannot change", async () => {
  renderWithApp(<BookingsPanel run={run} editable={false} />);
  expect(await screen.findByRole("switch", { name: "锁定 近的会议室" })).toBeDisabled();
  expect(screen.queryByRole("button", { name: "更换" })).not.toBeInTheDocument();
});
