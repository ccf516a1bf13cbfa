import { defineConfig } from 'vitest/config';
import { contractAlias } from './static/vite.config';

/**
 * Four projects, so a change runs the tests it needs (`vitest run --project unit`):
 * - `unit`: pure, no network (test/setup/no-network.ts refuses any connection);
 * - `integration`: against the sandbox, the Forge bundle and the standing leak suite;
 * - `contract`: the sandbox and the app's clients checked against Atlassian's OpenAPI specs and jira.js;
 * - `e2e`: the Custom UI in Chromium.
 */
export default defineConfig({
  // Tests import static/ modules, which reach the contract by its alias.
  resolve: { alias: contractAlias },
  test: {
    exclude: ['node_modules', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The JSON report lets .ci/run print the plain 'N passed, N failed' closing line CI reads.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.{ts,tsx}', 'src/**/*.test.ts'],
          setupFiles: ['test/setup/no-network.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'test/integration/**/*.test.{ts,tsx}',
            'test/forge/**/*.test.ts',
            'test/leaks/**/*.test.ts',
          ],
        },
      },
      { extends: true, test: { name: 'contract', include: ['test/contract/**/*.test.ts'] } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.{ts,tsx}'] } },
    ],
  },
});
