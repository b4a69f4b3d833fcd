// Everything a page needs around it: language (and where each feature's words are), Ant Design's locale and
// theme, the query cache.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/es/locale/en_US";
import zhCN from "antd/es/locale/zh_CN";
import { useState, type ReactNode } from "react";
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

function Themed({ children }: { children: ReactNode }) {
  const { lang } = useI18n();
  return (
    <ConfigProvider
      locale={lang === "en" ? enUS : zhCN}
      theme={{ token: { colorPrimary: "#c8102e" } }}
      button={{ autoInsertSpace: false }}
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
