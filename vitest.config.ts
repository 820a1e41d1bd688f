import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Many test files spend most of their time waiting on child processes (pwsh, the built CLI) or on
    // real-time latency, so more files than cores run at once. Vitest's default (cores - 1) ran one file
    // at a time on the 2-core machines: 120 s for the suite without pwsh, 67 s with four at once.
    maxWorkers: Math.max(4, availableParallelism()),
  },
});
