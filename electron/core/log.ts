import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type Logger = {
  error: (what: string, error?: unknown) => void;
  info: (what: string) => void;
};

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);

// A plain append-only text log in the data folder: what an administrator can send to support.
export const fileLogger = (dataDir: string): Logger => {
  const dir = join(dataDir, 'logs');
  const write = (level: string, text: string) => {
    try {
      mkdirSync(dir, { recursive: true });
      appendFileSync(join(dir, 'cadre.log'), `${new Date().toISOString()} ${level} ${text}\n`);
    } catch {
      // Logging must never be the reason an operation fails.
    }
  };
  return {
    error: (what, error) => write('ERROR', error === undefined ? what : `${what}: ${describe(error)}`),
    info: (what) => write('INFO', what),
  };
};
