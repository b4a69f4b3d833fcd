// The footer shows the version the server reports with "who am I".
import { screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { Shell } from "./Shell";

afterEach(() => server.events.removeAllListeners());

it("shows the platform's version from the who-am-I answer in the footer", async () => {
  // given the server's answer to "who am I"
  server.use(
    http.get("/api/auth/me/", ({ response }) =>
      response(200).json({
        id: 1,
        username: "shequ",
        display_name: "百花社区协调员",
        role: "community_coordinator",
        sub_district: null,
        community: 1,
        unit: null,
        volunteer: null,
        version: "0.2.0",
        time_zone: "Asia/Shanghai",
      }),
    ),
  );
  const asked: string[] = [];
  server.events.on("request:start", ({ request }) => asked.push(`${request.method} ${new URL(request.url).pathname}`));
  // when the signed-in frame renders
  renderWithApp(<Shell onLogout={() => {}}>page</Shell>);
  // then its footer names that version, asked for once
  expect(await screen.findByTestId("version")).toHaveTextContent("v0.2.0");
  expect(asked).toEqual(["GET /api/auth/me/"]);
});
