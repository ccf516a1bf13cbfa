import { defineConfig } from 'vitest/config';
import { contractAlias } from './static/vite.config';

export default defineConfig({
  // Tests import static/ modules, which reach the contract by its alias.
  resolve: { alias: contractAlias },
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx', 'src/**/*.test.ts'],
    exclude: ['node_modules', 'test/bench/**'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // The JSON report lets .ci/run print the plain 'N passed, N failed' closing line CI reads.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
