// The volunteer's blackouts: listed from the district's today (whole days shown as days), added as whole days (sent
// as the district's midnights), deleted after a confirmation; a refusal shows the server's words.
import { screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { beforeEach, expect, it } from "vitest";
import type { Schema } from "@/lib/api";
import { addDays, districtDay, districtToday } from "@/lib/format";
import { page } from "@/test/fixtures";
import { jsonReply, renderWithApp } from "@/test/render";
import { http, server } from "@/test/server";
import { BlackoutsCard } from "./BlackoutsCard";

const tomorrow = addDays(districtToday(), 1);
const trip: Schema<"Blackout"> = {
  id: 3,
  volunteer: 7,
  start: districtDay(tomorrow).format(),
  end: districtDay(addDays(tomorrow, 2)).format(),
  reason: "出差",
};

let rows: Schema<"Blackout">[] = [];
let listed: URLSearchParams[] = [];
let posted: unknown[] = [];
let deleted: string[] = [];
let postReply: (body: Record<string, unknown>) => Response;
beforeEach(() => {
  rows = [trip];
  listed = [];
  posted = [];
  deleted = [];
  postReply = (body) => {
    const row = { id: 4, reason: "", ...body } as Schema<"Blackout">;
    rows = [...rows, row];
    return jsonReply(201, row);
  };
  server.use(
    http.get("/api/blackouts/", ({ request, response }) => {
      listed.push(new URL(request.url).searchParams);
      return response.untyped(jsonReply(200, page(rows)));
    }),
    http.post("/api/blackouts/", async ({ request, response }) => {
      const body = ((await request.json()) ?? {}) as Record<string, unknown>;
      posted.push(body);
      return response.untyped(postReply(body));
    }),
    http.delete("/api/blackouts/{id}/", ({ params, response }) => {
      deleted.push(params.id);
      rows = rows.filter((row) => String(row.id) !== params.id);
      return response.untyped(new Response(null, { status: 204 }));
    }),
  );
});

/** Types the days into the range picker; leaving it for the reason commits them (Enter would submit the form). */
async function chooseDays(card: HTMLElement, from: string, to: string) {
  const [start, end] = within(card).getAllByPlaceholderText(/日期/);
  await userEvent.click(start);
  await userEvent.type(start, `${from}{enter}`);
  await userEvent.type(end, to);
  await userEvent.click(within(card).getByPlaceholderText("如：出差"));
}

it("lists the volunteer's blackouts from today, a trip of whole days shown as days", async () => {
  renderWithApp(<BlackoutsCard volunteer={7} />);
  const card = await screen.findByTestId("blackouts-card");
  expect(await within(card).findByText(`${tomorrow} – ${addDays(tomorrow, 1)}`)).toBeInTheDocument();
  expect(within(card).getByText("出差")).toBeInTheDocument();
  expect(listed[0].get("volunteer")).toBe("7");
  expect(listed[0].get("start_after")).toBe(districtDay(districtToday()).format());
});

it("adds whole days as the district's midnights, with the reason", async () => {
  rows = [];
  renderWithApp(<BlackoutsCard volunteer={7} />);
  const card = await screen.findByTestId("blackouts-card");
  expect(await within(card).findByText("今天以后没有登记")).toBeInTheDocument();
  await userEvent.type(within(card).getByPlaceholderText("如：出差"), "住院");
  await chooseDays(card, tomorrow, addDays(tomorrow, 1));
  await userEvent.click(within(card).getByRole("button", { name: "登记" }));

  await waitFor(() => expect(posted).toHaveLength(1));
  expect(posted[0]).toEqual({
    volunteer: 7,
    start: districtDay(tomorrow).format(),
    end: districtDay(addDays(tomorrow, 2)).format(),
    reason: "住院",
  });
  expect(await within(card).findByText("住院")).toBeInTheDocument();
});

it("shows the server's refusal of a blackout", async () => {
  postReply = () =>
    jsonReply(400, {
      message: "start: 不能早于今天。",
      extra: { code: "invalid", fields: { start: ["不能早于今天。"] } },
    });
  renderWithApp(<BlackoutsCard volunteer={7} />);
  const card = await screen.findByTestId("blackouts-card");
  await chooseDays(card, tomorrow, tomorrow);
  await userEvent.click(within(card).getByRole("button", { name: "登记" }));
  expect(await within(card).findByText("start: 不能早于今天。")).toBeInTheDocument();
});

it("deletes a blackout after the confirmation", async () => {
  renderWithApp(<BlackoutsCard volunteer={7} />);
  const card = await screen.findByTestId("blackouts-card");
  await userEvent.click(await within(card).findByRole("button", { name: "删除" }));
  await userEvent.click(await screen.findByRole("button", { name: /确\s*定|OK/ }));
  await waitFor(() => expect(deleted).toEqual(["3"]));
  expect(await within(card).findByText("今天以后没有登记")).toBeInTheDocument();
});
