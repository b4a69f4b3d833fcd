// End-to-end tests against a live server (BASE_URL) with seeded data, on Debian's Chromium only:
// no browser is ever downloaded (PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 on install). scripts/e2e.sh sets it all up.
// Two projects run the same scenarios: the browser in the district's zone, and in one 16 hours behind it, where
// every time shown or entered must still be the district's (`--project=los-angeles` runs that one alone).
import { defineConfig } from "@playwright/test";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  timeout: 120_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: process.env.BASE_URL ?? "http://127.0.0.1:8000",
    viewport: { width: 1280, height: 800 },
    locale: "zh-CN",
    // The browser asks for reduced motion, so the web app's dialogs, drawers and dropdowns open at once
    // (src/app/providers.tsx): a click on one that has just opened cannot land while it is still zooming in. Like
    // every option here it holds for the contexts a test opens itself (browser.newContext) unless they name it.
    reducedMotion: "reduce",
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    },
  },
  // The same suite in two browser time zones: the district's own, and one a day behind it for most of the day.
  projects: [
    { name: "shanghai", use: { timezoneId: "Asia/Shanghai" } },
    { name: "los-angeles", use: { timezoneId: "America/Los_Angeles" } },
  ],
});
