// 点单海报 on the needs list: a community coordinator's button opens their own community's poster; a sub-district
// coordinator picks one of the communities in their scope.
import { screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { afterEach, expect, it, vi } from "vitest";
import { community, page } from "@/test/fixtures";
import { coordinator, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { OrderPosterButton } from "./OrderPosterButton";

afterEach(() => vi.restoreAllMocks());

it("links a community coordinator to their own community's poster", () => {
  renderWithApp(<OrderPosterButton />, { me: { ...coordinator, community: 3 } });
  expect(screen.getByRole("link", { name: "点单海报" })).toHaveAttribute("href", "/api/ordering/communities/3/poster/");
});

it("lets a sub-district coordinator choose the community", async () => {
  server.use(
    http.get("/api/communities/", ({ response }) =>
      response(200).json(page([{ ...community, id: 5, name: "百花社区" }])),
    ),
  );
  const open = vi.spyOn(window, "open").mockReturnValue(null);
  renderWithApp(<OrderPosterButton />, {
    me: { ...coordinator, role: "subdistrict_coordinator", community: null, sub_district: 1 },
  });
  await userEvent.click(screen.getByLabelText("选择社区打印点单海报"));
  await userEvent.click(await screen.findByTitle("百花社区"));
  expect(open).toHaveBeenCalledWith("/api/ordering/communities/5/poster/", "_blank", "noopener");
});
