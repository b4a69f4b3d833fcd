// Rendering a component the way the app does: providers (Chinese), a router, a signed-in user, a fresh cache. Ant
// Design's styles are computed but not injected into the page (`StyleProvider mock="server"`, as on a server): jsdom
// parsing every component's style sheet took most of the suite's time (673 s against 268 s for the whole suite), and
// no test reads a style; what a test asserts of a popup or drawer is its state (open, closed), not what CSS shows.
import { StyleProvider } from "@ant-design/cssinjs";
import { QueryClient } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import type { ReactElement } from "react";
import { MemoryRouter } from "react-router";
import { Providers } from "@/app/providers";
import { SessionContext, type Me } from "@/lib/session";

export const coordinator: Me = {
  id: 1,
  username: "shequ",
  display_name: "百花社区协调员",
  role: "community_coordinator",
  sub_district: null,
  community: 1,
  unit: null,
  volunteer: null,
};

export const volunteerMe: Me = {
  id: 7,
  username: "zhiyuanzhe",
  display_name: "志愿者",
  role: "volunteer",
  sub_district: null,
  community: 1,
  unit: null,
  volunteer: 7,
};

export function renderWithApp(ui: ReactElement, { me = coordinator, path = "/" }: { me?: Me; path?: string } = {}) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false }, mutations: { retry: false } } });
  return render(
    <StyleProvider mock="server">
      <Providers lang="zh" client={client}>
        <MemoryRouter initialEntries={[path]}>
          <SessionContext.Provider value={me}>{ui}</SessionContext.Provider>
        </MemoryRouter>
      </Providers>
    </StyleProvider>,
  );
}

export function jsonReply(status: number, body?: unknown) {
  return new Response(body === undefined ? null : JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json" },
  });
}
