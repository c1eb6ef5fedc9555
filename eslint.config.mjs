// ESLint flat config for `npm run lint` (office-addin-lint check). office-addin-lint runs
// `eslint -c eslint.config.mjs "src/**/*.{ts,tsx,js,jsx}"` with this file when it exists (else its
// own default, which is exactly eslint-plugin-office-addins "recommended"). This is that
// recommended config (eslint:recommended, the Office.js rules, and Prettier with .prettierrc.json)
// plus what this project needs: ignores, ES2022, .tsx/.jsx files, and no `no-undef` for TypeScript.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// The recommended config scopes its rules to js/mjs/cjs/ts/cts/mts: extend them to .tsx and .jsx.
const recommended = officeAddins.configs.recommended.map((config) =>
  config.files ? { ...config, files: [...config.files, "**/*.{tsx,jsx}"] } : config
);

export default [
  {
    ignores: ["dist/**", "node_modules/**", "examples/**", "data/**", "coverage/**", "schemas/**", "**/*.generated.ts"],
  },
  ...recommended,
  {
    plugins: {
      "office-addins": officeAddins,
    },
    languageOptions: {
      parser: tsParser,
      // The recommended config says ecmaVersion 6; the code is ES2022 (tsconfig "target").
      ecmaVersion: 2022,
    },
  },
  {
    // Node scripts and webpack.config.js (CommonJS), when linted directly with `npx eslint`.
    files: ["**/*.{js,cjs}"],
    languageOptions: {
      sourceType: "commonjs",
      globals: {
        require: "readonly",
        module: "writable",
        exports: "writable",
        __dirname: "readonly",
        __filename: "readonly",
        process: "readonly",
        console: "readonly",
        Buffer: "readonly",
      },
    },
  },
  {
    files: ["**/*.{ts,tsx,mts,cts}"],
    rules: {
      // TypeScript checks undefined names itself (`npm run typecheck`, with the DOM, Node and
      // Office.js types); typescript-eslint advises turning no-undef off for TypeScript code.
      "no-undef": "off",
    },
  },
  {
    // The Office.js rules read every `cell.value` as an Office.js proxy that must be loaded and
    // synced. Outside the Office.js adapter and the add-in pages, cells are ExcelJS objects or
    // plain values, so those rules only misfire there.
    files: ["src/host/xlsx/**", "src/workbench/**", "src/node/**", "src/cli/**", "tests/**", "bench/**", "scripts/**"],
    rules: Object.fromEntries(Object.keys(officeAddins.rules).map((rule) => [`office-addins/${rule}`, "off"])),
  },
];
