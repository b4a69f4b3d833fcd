// ESLint (flat config): JavaScript's and typescript-eslint's recommended rules, type-aware over the TypeScript code
// (floating and misused promises, unsafe `any`), React's rules of hooks, and nothing about layout: Prettier owns that
// (eslint-config-prettier, last, turns off every rule it would fight). `npm run lint`; `npm run format:check`.
import js from "@eslint/js";
import prettier from "eslint-config-prettier";
import reactHooks from "eslint-plugin-react-hooks";
import { defineConfig, globalIgnores } from "eslint/config";
import globals from "globals";
import tseslint from "typescript-eslint";

export default defineConfig([
  // Generated from the server's schema (make api-client), and build or test output.
  globalIgnores(["src/api/schema.d.ts", "dist/", "test-results/", "playwright-report/", "e2e/screenshots/"]),
  js.configs.recommended,
  {
    files: ["**/*.{ts,tsx}"],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      // The one tsconfig.json covers src/, e2e/ and the two config files, so each file's types are read once.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    extends: [reactHooks.configs.flat.recommended],
    languageOptions: { globals: globals.browser },
  },
  {
    // The words' keys are typed by declaration merging: lib/i18n.tsx declares an empty `Messages` interface and each
    // messages/zh.ts extends it with its keys, which only an interface can do (a type alias cannot be merged).
    files: ["src/lib/i18n.tsx", "src/**/messages/zh.ts"],
    rules: { "@typescript-eslint/no-empty-object-type": ["error", { allowInterfaces: "always" }] },
  },
  {
    // Node: the build's and the tests' configuration, the scripts, this file.
    files: ["*.{js,ts}", "scripts/**/*.mjs", "e2e/**/*.ts"],
    languageOptions: { globals: globals.node },
  },
  prettier,
]);
