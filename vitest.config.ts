import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // A sign-in hashes with scrypt 2^17 and two Chromiums share two cores with the other files: a
    // screen may take seconds to answer under load. Polls wait for it instead of failing at 1 s.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    pool: 'forks',
    // Two cores: E2E files start Chromium; keep them from crowding each other out.
    fileParallelism: true,
    maxWorkers: 2,
    // The JSON report is what .ci/run counts its closing line from.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
