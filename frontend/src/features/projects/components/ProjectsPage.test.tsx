// The projects list: each project with when it meets and its needs; a delete the server refuses says why and the
// row stays.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { page } from "@/test/fixtures";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { ProjectsPage } from "./ProjectsPage";

const row: Schema<"Project"> = {
  id: 5,
  community: 1,
  community_name: "百花社区",
  name: "四点半课堂",
  goals: "",
  unit: null,
  team: null,
  needs: [3, 4],
  resources: [],
  frequency: "weekly",
  start_date: "2026-09-01",
  end_date: "2027-01-15",
  weekdays: [2, 4],
  start_time: "16:30:00",
  end_time: "18:00:00",
  seats: 3,
  required_skills: {},
  resource_kind: "",
  resource_min_capacity: 0,
};

let deleted: string[] = [];
beforeEach(() => {
  deleted = [];
  server.use(
    http.get("/api/projects/", ({ response }) => response(200).json(page([row]))),
    http.delete("/api/projects/{id}/", ({ params, response }) => {
      deleted.push(params.id);
      return response(409).json({ message: "该项目已生成班次，不能删除。", extra: { code: "protected", fields: {} } });
    }),
    http.get("/api/skills/", ({ response }) => response(200).json(page([]))),
  );
});

it("lists projects with when they meet, and shows the server's refusal of a delete", async () => {
  renderWithApp(<ProjectsPage />);
  const cells = (await screen.findByText("四点半课堂")).closest("tr")!;
  expect(within(cells).getByText("周二、周四 16:30–18:00")).toBeInTheDocument();
  expect(within(cells).getByText("2026-09-01 ~ 2027-01-15")).toBeInTheDocument();
  expect(within(cells).getByText("每周")).toBeInTheDocument();
  expect(within(cells).getByText("2")).toBeInTheDocument();

  await userEvent.click(within(cells).getByRole("button", { name: "删除" }));
  await userEvent.click(await screen.findByRole("button", { name: "确定" }));
  expect(await screen.findByText("该项目已生成班次，不能删除。")).toBeInTheDocument();
  expect(document.querySelector(".ant-modal-confirm-title")).toHaveTextContent("无法删除");
  expect(deleted).toEqual(["5"]);
});
