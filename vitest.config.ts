import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/src/**/*.test.ts'],
    environment: 'node',
    // Real SQLite files and child processes: give slow disks room, never hide a hang.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one fork less than the cores: a single fork on a 2-core machine, where
    // much of the time is spent waiting on child processes, fsync and the parser worker. Two forks
    // there finish the suite in about half the time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
