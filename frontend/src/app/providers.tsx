// Everything a page needs around it: language (and where each feature's words are), Ant Design's locale and
// theme (without motion for those who ask the system for less), the query cache.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import { useState, useSyncExternalStore, type ReactNode } from "react";
import { ApiError } from "@/lib/api";
import { addWordSources, I18nProvider, useI18n, type Lang } from "@/lib/i18n";

// Each feature's words, found by their folder and loaded with its pages (app/lazyPage.ts).
addWordSources(import.meta.glob<{ default: Record<string, string> }>("../features/*/messages/*.ts"));

function makeClient() {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // A refusal (4xx) will not change by asking again; a network hiccup might.
        retry: (count, error) => !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 2,
        refetchOnWindowFocus: false,
      },
    },
  });
}

// The system's "reduce motion" setting, followed while the page is open. Dialogs, drawers, dropdowns and messages then
// appear at once: an accessibility setting for people whom movement troubles, and what the browser tests run with
// (playwright.config.ts), so that a click on a dialog that has just opened never lands on one still zooming in.
const reducedMotion = "(prefers-reduced-motion: reduce)";

function subscribeToReducedMotion(onChange: () => void) {
  const query = window.matchMedia(reducedMotion);
  query.addEventListener("change", onChange);
  return () => query.removeEventListener("change", onChange);
}

function usePrefersReducedMotion() {
  return useSyncExternalStore(
    subscribeToReducedMotion,
    () => window.matchMedia(reducedMotion).matches,
    () => false,
  );
}

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  const still = usePrefersReducedMotion();
  return (
    <ConfigProvider
      locale={lang === "en" ? enUS : zhCN}
      // motion: false also turns off the enter and leave animations of every popup (antd's MotionWrapper)
      theme={{ token: { colorPrimary: "#c8102e", motion: !still } }}
      button={{ autoInsertSpace: false }}
      // the ripple of a click is motion too, and the token does not stop it
      wave={{ disabled: still }}
    >
      <AntApp>{children}</AntApp>
    </ConfigProvider>
  );
}

export function Providers({ children, lang, client }: { children: ReactNode; lang?: Lang; client?: QueryClient }) {
  const [queryClient] = useState(() => client ?? makeClient());
  return (
    <I18nProvider lang={lang}>
      <QueryClientProvider client={queryClient}>
        <Themed>{children}</Themed>
      </QueryClientProvider>
    </I18nProvider>
  );
}
