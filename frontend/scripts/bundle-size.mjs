// The JavaScript a visitor downloads, gzipped, for the pages with a budget, read from the build's manifest
// (dist/.vite/manifest.json, written because vite.config.ts sets build.manifest). A page loads the entry and its
// static imports, then each lazy module on its way and their static imports; a chunk counts once however often
// it is reached. Exits 1 when a page is over its budget or a module named here is missing from the build.
// Usage: node scripts/bundle-size.mjs [--all] [dist]   (--all also lists every route's lazy chunk)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const KB = 1024;
const BUDGET_KB = 300;

// Each page: the lazy modules opened on the way to it, in order. A visitor signs in, then lands on the page.
const PAGES = [
  { name: "login", modules: ["src/features/auth/components/LoginPage.tsx"] },
  {
    name: "volunteer's first page (login, then 我的岗位 /my/posts)",
    modules: [
      "src/features/auth/components/LoginPage.tsx",
      "src/app/SignedIn.tsx",
      "src/features/volunteering/components/MyPostsPage.tsx",
    ],
  },
];

const args = process.argv.slice(2);
const listAll = args.includes("--all");
const dist = args.find((arg) => !arg.startsWith("--")) ?? "dist";
const manifest = JSON.parse(readFileSync(join(dist, ".vite", "manifest.json"), "utf8"));

const sizes = new Map();
function gzipped(file) {
  if (!sizes.has(file)) sizes.set(file, gzipSync(readFileSync(join(dist, file)), { level: 9 }).length);
  return sizes.get(file);
}

// The chunk files a manifest key loads at once: its own file and, recursively, its static imports.
function closure(key, files = new Set(), seen = new Set()) {
  if (seen.has(key)) return files;
  seen.add(key);
  const chunk = manifest[key];
  if (!chunk) throw new Error(`${key} is not in the build's manifest (renamed? update scripts/bundle-size.mjs)`);
  if (chunk.file.endsWith(".js")) files.add(chunk.file);
  for (const imported of chunk.imports ?? []) closure(imported, files, seen);
  return files;
}

function total(files) {
  return [...files].reduce((sum, file) => sum + gzipped(file), 0);
}

const entry = Object.keys(manifest).find((key) => manifest[key].isEntry);
const entryFiles = closure(entry);
const allJs = Object.values(manifest)
  .map((chunk) => chunk.file)
  .filter((file) => file.endsWith(".js"));
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;

console.log(`whole app: ${kb(total(new Set(allJs)))} gzipped JavaScript in ${new Set(allJs).size} chunks`);
console.log(`entry (${entry}): ${kb(total(entryFiles))}`);

let over = false;
for (const page of PAGES) {
  let files;
  try {
    files = page.modules.reduce((acc, module) => closure(module, acc), new Set(entryFiles));
  } catch (error) {
    console.error(`${page.name}: ${error.message}`);
    over = true;
    continue;
  }
  const bytes = total(files);
  const verdict = bytes > BUDGET_KB * KB ? "OVER" : "ok";
  if (bytes > BUDGET_KB * KB) over = true;
  console.log(`${page.name}: ${kb(bytes)} in ${files.size} chunks (budget ${BUDGET_KB} KB: ${verdict})`);
}

if (listAll) {
  const lazy = Object.keys(manifest)
    .filter((key) => manifest[key].isDynamicEntry)
    .sort();
  for (const key of lazy) {
    const files = closure(key, new Set(entryFiles));
    console.log(`  ${key}: ${kb(total(files))} with the entry`);
  }
}

process.exit(over ? 1 : 0);
