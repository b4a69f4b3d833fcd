// Build (dist/, served by Django at the site's root), the dev server's /api proxy, and the unit tests.
import react from "@vitejs/plugin-react";
import { defineConfig } from "vitest/config";

export default defineConfig({
  base: "/",
  plugins: [react()],
  resolve: { alias: { "@": new URL("./src", import.meta.url).pathname } },
  build: {
    outDir: "dist",
    // ECharts alone is ~1.1 MB and loads only with the chart pages; everything else stays well under this.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        // Pages are split by route (React.lazy in app/App.tsx); the libraries they share go into a few long-lived
        // vendor chunks instead of dozens of small shared pieces.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [
            { name: "echarts", test: /node_modules[\\/](echarts|zrender|echarts-for-react|size-sensor)[\\/]/, priority: 30 },
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler|react-router|@tanstack)[\\/]/, priority: 10 },
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
    testTimeout: 60_000,
  },
});
