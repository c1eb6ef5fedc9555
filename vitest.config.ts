import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts", "tests/**/*.test.tsx"],
    environment: "node",
    testTimeout: 60_000,
    // Some files build the bundles or the command line once in beforeAll (so `npm test` works
    // straight after `npm ci`); on two busy cores that takes minutes, never a finding.
    hookTimeout: 600_000,
    pool: "forks",
    poolOptions: { forks: { maxForks: 2 } },
  },
});
