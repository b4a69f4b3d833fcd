// The app takes the district's zone from "who am I": once signed in, every time is shown in the zone the server names.
import { render, screen } from "@testing-library/react";
import { afterEach, expect, it } from "vitest";
import { DEFAULT_DISTRICT_ZONE, districtZone, formatDateTime, setDistrictZone } from "@/lib/format";
import { page } from "@/test/fixtures";
import { http, server } from "@/test/server";
import { App } from "./App";

afterEach(() => setDistrictZone(DEFAULT_DISTRICT_ZONE));

it("shows times in the zone the server names once signed in", async () => {
  // given a server whose district lies in Urumqi (UTC+6)
  server.use(
    http.get("/api/auth/me/", ({ response }) =>
      response(200).json({
        id: 7,
        username: "zhiyuanzhe",
        display_name: "志愿者",
        role: "volunteer",
        sub_district: null,
        community: 1,
        unit: null,
        volunteer: 7,
        version: "0.2.0",
        time_zone: "Asia/Urumqi",
      }),
    ),
    http.get("/api/me/posts/", ({ response }) => response(200).json(page([]))),
  );
  // when the app opens signed in
  window.history.pushState({}, "", "/my/posts");
  render(<App />);
  expect(await screen.findByRole("button", { name: "退出登录" })).toBeInTheDocument();
  // then the pages show times there
  expect(districtZone()).toBe("Asia/Urumqi");
  expect(formatDateTime("2026-12-07T00:30:00+08:00")).toBe("2026-12-06 22:30");
});
