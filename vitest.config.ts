import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    environment: 'node',
    // Real SQLite files and child processes: give slow disks room, never hide a hang.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
  },
});
