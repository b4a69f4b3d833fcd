// Test set-up: DOM matchers, the mock API server (each test adds its handlers), and the browser APIs jsdom lacks
// that Ant Design reads.
import "@testing-library/jest-dom/vitest";
import { cleanup, configure } from "@testing-library/react";
import { afterAll, afterEach, beforeAll } from "vitest";
import "@/app/providers";
import { loadAllWords } from "@/lib/i18n";
import { server } from "./server";

// findBy… and waitFor wait for a state; their limit (1 s by default) only ends a test whose state never comes, and on a
// busy machine a page that renders in 2 s is not broken.
configure({ asyncUtilTimeout: 15_000 });

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => {
  cleanup();
  server.resetHandlers();
});
afterAll(() => server.close());

if (!window.matchMedia) {
  window.matchMedia = (query: string) =>
    ({
      matches: false,
      media: query,
      onchange: null,
      addListener: () => {},
      removeListener: () => {},
      addEventListener: () => {},
      removeEventListener: () => {},
      dispatchEvent: () => false,
    }) as MediaQueryList;
}
if (!window.ResizeObserver) {
  window.ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

// Components are rendered without their routes, so every feature's words are there from the start.
await loadAllWords();
