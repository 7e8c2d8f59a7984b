import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The layer boundaries of shared/conventions.md, enforced: a boundary nobody checks is a suggestion.
const FRAMEWORK_IMPORTS = [
  { group: ["next", "next/*", "next-intl", "next-intl/*"], message: "The domain is pure: no framework." },
  { group: ["react", "react/*", "react-dom", "react-dom/*"], message: "The domain is pure: no UI." },
  { group: ["@prisma/*", "prisma", "prisma/*", "@/generated/*", "pg", "**/generated/prisma/*"], message: "The domain is pure: no database." },
  { group: ["zod", "zod/*"], message: "The domain validates with plain code; zod lives in src/schemas." },
  { group: ["@/server/*", "@/app/*", "@/components/*", "@/schemas/*", "@/i18n/*", "server-only"], message: "The domain imports nothing from the outer layers." },
  { group: ["date-fns", "date-fns/*", "date-fns-tz", "date-fns-tz/*"], message: "The domain handles time zones itself (zone.ts)." },
];

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  globalIgnores([
    ".next/**",
    "node_modules/**",
    "tools/prisma-migrate/node_modules/**",
    "src/generated/**",
    "next-env.d.ts",
    ".data/**",
    "test-results/**",
    "playwright-report/**",
  ]),
  {
    rules: {
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/domain/**/*.ts"],
    rules: {
      "no-restricted-imports": ["error", { patterns: FRAMEWORK_IMPORTS }],
      "no-restricted-syntax": [
        "error",
        { selector: "MemberExpression[object.name='process']", message: "The domain reads no environment: pass values in." },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: "The domain has no clock: \"now\" is a parameter." },
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "The domain has no clock: \"now\" is a parameter." },
        { selector: "CallExpression[callee.object.name='performance'][callee.property.name='now']", message: "The domain has no clock." },
      ],
      "no-restricted-globals": ["error", { name: "process", message: "The domain reads no environment." }],
    },
  },
  {
    // Only repositories (and the db folder itself) reach the database client.
    files: ["src/**/*.{ts,tsx}"],
    ignores: ["src/server/repositories/**", "src/server/db/**", "src/domain/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { patterns: [{ group: ["@/generated/*", "@prisma/*", "pg"], message: "Only src/server/repositories and src/server/db touch the database." }] },
      ],
    },
  },
  {
    // Pages and components call services; they never reach repositories or the db directly.
    files: ["src/app/**/*.{ts,tsx}", "src/components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/server/repositories/*", "@/server/db/*", "@/generated/*", "@prisma/*", "pg"], message: "Routes and pages go through src/server/services." },
          ],
        },
      ],
    },
  },
]);
