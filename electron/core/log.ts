import { appendInside } from './files/contain';

export type Logger = {
  error: (what: string, error?: unknown) => void;
  info: (what: string) => void;
};

const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);

// A path in a log line, quoted as JSON, with $ and ` written as JSON escapes too: a folder named with a
// newline cannot start a line of its own, and one named 培训数据$(id) stays inert text even where a shell
// reads the line (JSON's double quotes alone would let the shell run it).
export const quotedPath = (path: string): string => JSON.stringify(path).replaceAll('$', '\\u0024').replaceAll('`', '\\u0060');

// A plain append-only text log in the data folder: what an administrator can send to support. Never
// written through a link (logs/ or cadre.log pointing at ~/.bashrc is refused, and the line dropped).
export const fileLogger = (dataDir: string): Logger => {
  const write = (level: string, text: string) => {
    try {
      appendInside(dataDir, ['logs', 'cadre.log'], `${new Date().toISOString()} ${level} ${text}\n`);
    } catch {
      // Logging must never be the reason an operation fails.
    }
  };
  return {
    error: (what, error) => write('ERROR', error === undefined ? what : `${what}: ${describe(error)}`),
    info: (what) => write('INFO', what),
  };
};
