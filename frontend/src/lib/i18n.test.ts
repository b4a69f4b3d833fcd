// The words: both languages of every dictionary have the same keys and no empty text; a key lives in one
// dictionary; and every key the code asks for (read from src/ by TypeScript's parser) exists among the words its
// page loads: lib/messages and, in a feature, the feature's own.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";
import { expect, it } from "vitest";

type Words = Record<string, string>;
const modules = import.meta.glob<{ default: Words }>(["../features/*/messages/*.ts", "./messages/*.ts"], {
  eager: true,
});
const SRC = join(process.cwd(), "src"); // Vitest runs in frontend/

/** The dictionaries by scope ("shared" for lib/messages, else the feature), each with its two languages. */
const dictionaries: Record<string, { zh: Words; en: Words }> = {};
for (const [path, module] of Object.entries(modules)) {
  const scope = /features\/([^/]+)\//.exec(path)?.[1] ?? "shared";
  const lang = path.endsWith("/zh.ts") ? "zh" : "en";
  (dictionaries[scope] ??= { zh: {}, en: {} })[lang] = module.default;
}
const owner = new Map<string, string>();
for (const [scope, { zh }] of Object.entries(dictionaries)) for (const key of Object.keys(zh)) owner.set(key, scope);

// The code that runs: not the tests, nor declarations (api/schema.d.ts, generated, names the server's fields and
// enum values, such as "login" or "target", which are words of some feature here).
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === "messages" || name === "test" ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.(test|d)\.tsx?$/.test(name) ? [path] : [];
  });
}

/** What a file asks for: keys passed to `t(...)` (through `a ? "x" : "y"` too), and prefixes of keys made at run
 * time (`enumLabel(t, "prefix", value)`, `` t(`prefix_${value}`) ``). */
function asked(file: string): { keys: string[]; prefixes: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const keys: string[] = [];
  const prefixes: string[] = [];
  const argument = (node: ts.Expression) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) keys.push(node.text);
    else if (ts.isTemplateExpression(node)) prefixes.push(node.head.text);
    else if (ts.isConditionalExpression(node)) [node.whenTrue, node.whenFalse].forEach(argument);
    else if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node)) argument(node.expression);
  };
  const visit = (node: ts.Node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression)) {
      const [first, second] = node.arguments;
      if (["t", "tt"].includes(node.expression.text) && first) argument(first);
      if (node.expression.text === "enumLabel" && second && ts.isStringLiteral(second))
        prefixes.push(`${second.text}_`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { keys, prefixes };
}

const scopeOf = (file: string) => /^features\/([^/]+)\//.exec(relative(SRC, file))?.[1] ?? "shared";

it("has every key in both languages, with some text", () => {
  expect(Object.keys(dictionaries).length).toBeGreaterThan(10);
  for (const [scope, { zh, en }] of Object.entries(dictionaries)) {
    expect(Object.keys(en).sort(), scope).toEqual(Object.keys(zh).sort());
    const empty = Object.entries({ ...zh, ...Object.fromEntries(Object.entries(en).map(([k, v]) => [`${k} (en)`, v])) })
      .filter(([, text]) => text.trim() === "")
      .map(([key]) => key);
    expect(empty, scope).toEqual([]);
  }
});

it("keeps each key in one dictionary", () => {
  const seen = new Map<string, string[]>();
  for (const [scope, { zh }] of Object.entries(dictionaries))
    for (const key of Object.keys(zh)) seen.set(key, [...(seen.get(key) ?? []), scope]);
  expect([...seen].filter(([, scopes]) => scopes.length > 1)).toEqual([]);
});

it("has every key the code asks for, among the words its page loads", () => {
  const problems: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const scope = scopeOf(file);
    const loads = (key: string) => owner.get(key) === "shared" || owner.get(key) === scope;
    const { keys, prefixes } = asked(file);
    for (const key of keys) {
      if (!owner.has(key)) problems.push(`${relative(SRC, file)}: no words for "${key}"`);
      else if (!loads(key))
        problems.push(`${relative(SRC, file)}: "${key}" is a word of ${owner.get(key)}, not loaded with ${scope}`);
    }
    for (const prefix of prefixes) {
      if (![...owner.keys()].some((key) => key.startsWith(prefix) && loads(key)))
        problems.push(`${relative(SRC, file)}: no words "${prefix}…" for ${scope}`);
    }
  }
  expect(problems).toEqual([]);
});

it("uses no other feature's words, even as a plain string (a menu label, a list of keys)", () => {
  const problems: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const scope = scopeOf(file);
    for (const [, text] of readFileSync(file, "utf8").matchAll(/["'`](\w+)["'`]/g)) {
      const of = owner.get(text);
      if (of && of !== "shared" && of !== scope) problems.push(`${relative(SRC, file)}: "${text}" is a word of ${of}`);
    }
  }
  expect(problems).toEqual([]);
});

it("loads each lazy page with its own feature's words", () => {
  for (const file of ["app/routeTable.tsx", "app/App.tsx"]) {
    const source = readFileSync(join(SRC, file), "utf8");
    // However a call is wrapped, every feature the file imports comes through a lazyPage that names its words.
    const pages = [...source.matchAll(/lazyPage\(\s*"(\w+)",\s*\(\) => import\("@\/features\/(\w+)\//g)];
    expect(pages.length, file).toBe(source.split('import("@/features/').length - 1);
    expect(pages.length, file).toBeGreaterThan(0);
    for (const [, scope, feature] of pages) expect(scope).toBe(feature);
  }
});

it("reads what a file asks for, so that the checks above are not empty", () => {
  // given the frame, which asks for shared words and role labels
  const file = join(SRC, "app", "Shell.tsx");
  // when it is read
  const { keys, prefixes } = asked(file);
  // then the scan sees what the frame asks for
  expect(keys).toContain("appShort");
  expect(prefixes).toContain("role_");
  expect(owner.get("appShort")).toBe("shared");
});
