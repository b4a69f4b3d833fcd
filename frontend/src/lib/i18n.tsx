// The UI's words: Chinese by default, English on the switch; the choice is remembered and also sent to the
// backend (Accept-Language) so that its messages match. The words live beside what shows them, a zh.ts and an
// en.ts each: lib/messages (the frame, shared components, words several features use; Chinese always loaded) and
// features/<feature>/messages, loaded with the feature's pages (app/lazyPage.ts), English only once chosen.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { setApiLanguage } from "./api";
import shared from "./messages/zh";

/** Every key of every dictionary: each messages/zh.ts adds its own (`declare module "@/lib/i18n"`). */
export interface Messages {}
export type MessageKey = keyof Messages;
/** The English side of a dictionary: exactly the keys of its Chinese side. */
export type Translation<T> = { [K in keyof T]: string };

export type Lang = "zh" | "en";
export type Translate = (key: MessageKey, vars?: Record<string, string | number>) => string;
type Words = Record<string, string>;
type WordsModule = () => Promise<{ default: Words }>;

/** The scope of lib/messages; a feature's scope is its folder's name. */
export const SHARED = "shared";
const sources: Record<string, Partial<Record<Lang, WordsModule>>> = { [SHARED]: { en: () => import("./messages/en") } };
const words: Record<Lang, Words> = { zh: { ...shared }, en: {} };
const loaded: Record<Lang, Set<string>> = { zh: new Set([SHARED]), en: new Set() };
/** The scopes asked for so far, so that a change of language loads them all in the new one. */
const wanted = new Set<string>([SHARED]);
let current: Lang = "zh";

/** Where the features' words are: paths `…/features/<feature>/messages/<lang>.ts` to their modules (a glob). */
export function addWordSources(modules: Record<string, WordsModule>) {
  for (const [path, load] of Object.entries(modules)) {
    const found = /features\/([^/]+)\/messages\/(zh|en)\.ts$/.exec(path);
    if (!found) throw new Error(`not a feature's words: ${path}`);
    (sources[found[1]] ??= {})[found[2] as Lang] = load;
  }
}

/** The words of a scope in the language shown (or `lang`); a scope without words has nothing to load. */
export async function loadWords(scope: string, lang: Lang = current): Promise<void> {
  wanted.add(scope);
  if (loaded[lang].has(scope)) return;
  const load = sources[scope]?.[lang];
  if (!load) return;
  const module = await load();
  Object.assign(words[lang], module.default);
  loaded[lang].add(scope);
}

/** Every scope in both languages (the unit tests render any component). */
export async function loadAllWords(): Promise<void> {
  await Promise.all(
    Object.keys(sources).flatMap((scope) => (["zh", "en"] as Lang[]).map((lang) => loadWords(scope, lang))),
  );
}

export function translate(lang: Lang, key: MessageKey, vars?: Record<string, string | number>): string {
  const text = words[lang][key] ?? words.zh[key] ?? key;
  if (!vars) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in vars ? String(vars[name]) : whole));
}

/** A label for a server enum value (`prefix_value`), falling back to the raw value. */
export function enumLabel(t: Translate, prefix: string, value: string | number | null | undefined): string {
  if (value === null || value === undefined) return "";
  const key = `${prefix}_${value}`;
  return key in words[current] || key in words.zh ? t(key as MessageKey) : String(value);
}

interface I18nValue {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

const I18nContext = createContext<I18nValue | null>(null);
const STORAGE_KEY = "ui-lang";

function applyLang(lang: Lang) {
  current = lang;
  setApiLanguage(lang);
  dayjs.locale(lang === "en" ? "en" : "zh-cn");
  document.documentElement.lang = lang === "en" ? "en" : "zh-CN";
}

/** The words of every scope asked for so far, in `lang`. */
function loadLanguage(lang: Lang): Promise<unknown> {
  return Promise.all([...wanted].map((scope) => loadWords(scope, lang)));
}

export function initialLang(): Lang {
  const stored = typeof localStorage !== "undefined" ? localStorage.getItem(STORAGE_KEY) : null;
  return stored === "en" ? "en" : "zh";
}

export function I18nProvider({ children, lang: fixed }: { children: ReactNode; lang?: Lang }) {
  const [start] = useState(() => fixed ?? initialLang());
  const [lang, setLangState] = useState<Lang | null>(() => {
    if (!loaded[start].has(SHARED)) return null;
    applyLang(start);
    return start;
  });
  useEffect(() => {
    if (lang) return;
    // English remembered from last time: shown once its words are here.
    void loadLanguage(start).then(() => {
      applyLang(start);
      setLangState(start);
    });
  }, [lang, start]);
  const setLang = useCallback((next: Lang) => {
    localStorage.setItem(STORAGE_KEY, next);
    void loadLanguage(next).then(() => {
      applyLang(next);
      setLangState(next);
    });
  }, []);
  const value = useMemo<I18nValue | null>(
    () => (lang ? { lang, setLang, t: (key, vars) => translate(lang, key, vars) } : null),
    [lang, setLang],
  );
  if (!value) return null;
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n outside I18nProvider");
  return value;
}
