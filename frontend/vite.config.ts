// Build (dist/, served by Django at the site's root), the dev server's /api proxy, and the unit tests.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  base: "/",
  plugins: [react()],
  resolve: { alias: { "@": new URL("./src", import.meta.url).pathname } },
  build: {
    outDir: "dist",
    // dist/.vite/manifest.json: which chunks each page loads, read by scripts/bundle-size.mjs (the size budget).
    manifest: true,
    // ECharts alone is ~1.1 MB and loads only with the chart pages; everything else stays well under this.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Pages are split by route (React.lazy in app/routeTable.tsx); the libraries they share go into a few long-lived
        // vendor chunks instead of dozens of small shared pieces.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            {
              name: "echarts",
              test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/,
              priority: 30,
            },
            {
              name: "react",
              test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/,
              priority: 10,
            },
            {
              name: "antd-form",
              test: /node_modules[\\/](antd[\\/]es[\\/](form|grid|input|typography)|@rc-component[\\/](input|textarea|field-form))[\\/]/,
              priority: 5,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { "/api": { target: process.env.API_TARGET ?? "http://127.0.0.1:8000", changeOrigin: false } },
  },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test/setup.ts"],
    include: ["src/**/*.test.{ts,tsx}"],
    css: false,
    // The browser in another zone than the district's (Asia/Shanghai): every time shown or entered must still be the
    // district's, and a test that leans on the browser's clock fails here rather than in a coordinator's laptop.
    env: { TZ: "America/Los_Angeles" },
    // Only a limit for a test whose state never comes (tests wait for states, never for time): the longest form tests
    // type into several antd fields and took 40 s of a 60 s limit on a machine half busy, and timed out on a busy one.
    testTimeout: 180_000,
  },
});
