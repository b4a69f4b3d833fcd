// Posts and their holders: a post opens onto this year's holdings, each person with the holding's status.
import { screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import dayjs from "dayjs";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { nextMonday } from "@/lib/format";
import { jsonReply, renderWithApp } from "@/test/render";
import { PostsPage } from "./PostsPage";

const post = {
  id: 9, name: "政策宣传岗", community_name: "百花社区", seats: 3, schedule: "周六 09:00–11:00", target: "每月 4 次",
  priority: 3, required_skills: {}, active: true,
};
const YEAR = dayjs(nextMonday()).year();
const page = (results: unknown[]) => jsonReply(200, { count: results.length, next: null, previous: null, results });

const fetchMock = vi.fn();
beforeEach(() => {
  vi.stubGlobal("fetch", fetchMock);
  fetchMock.mockImplementation(async (url: string) => {
    if (url.startsWith("/api/posts/")) return page([post]);
    if (url.startsWith("/api/post-holdings/"))
      return page([
        { id: 1, volunteer: 1, volunteer_name: "张玉芳", year: YEAR, status: "active" },
        { id: 2, volunteer: 2, volunteer_name: "李建国", year: YEAR, status: "declined" },
      ]);
    if (url.startsWith("/api/skills/")) return page([]);
    throw new Error(`unexpected ${url}`);
  });
});
afterEach(() => {
  fetchMock.mockReset();
  vi.unstubAllGlobals();
});

it("opens a post onto who holds it this year", async () => {
  renderWithApp(<PostsPage />);
  const row = (await screen.findByText("政策宣传岗")).closest("tr")!;
  await userEvent.click(within(row).getByRole("button"));
  const holders = await screen.findByTestId("post-holders");
  expect(within(holders).getByText(`${YEAR} 年在岗 1 人（每次 3 个名额）`)).toBeInTheDocument();
  expect(within(holders).getByText("张玉芳 · 在岗")).toBeInTheDocument();
  expect(within(holders).getByText("李建国 · 已婉拒")).toBeInTheDocument();
  const asked = fetchMock.mock.calls.map(([url]) => String(url)).find((url) => url.startsWith("/api/post-holdings/"))!;
  expect(new URL(asked, "http://x").searchParams.get("post")).toBe("9");
  expect(new URL(asked, "http://x").searchParams.get("year")).toBe(String(YEAR));
});
