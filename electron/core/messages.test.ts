import { readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { message, type MessageKey } from '../../shared/i18n/translate';
import { stringLiterals } from './testing/literals';

const root = resolve(import.meta.dirname, '../..');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(path) && !/\.test\.tsx?$/.test(path) ? [path] : [];
  });

// Chinese characters and the full-width punctuation that goes with them.
const chinese = /[\u3400-\u9fff\uf900-\ufaff\u3000-\u303f\uff00-\uffef]/;

// Where Chinese text may stand in the code itself, and why.
const allowed: Record<string, string> = {
  'electron/cli/messages.ts': 'the command line’s message table',
  'electron/core/sample/liaoyuan.ts': 'the sample data: the Liaoyuan school’s classes, people and sessions',
  'electron/core/documents/fonts.ts': 'font family names as Word looks them up',
  'electron/core/db/migrations/005-schedule.ts': 'a released migration (append-only; a comment in its SQL)',
  'electron/core/db/migrations/legacy-stroke-order.ts':
    'data, not words: the characters whose stroke counts the order of migration 20’s numbers used (frozen)',
};

describe('the words people read', () => {
  it('live in the message tables, not in the code of the core, the CLI, the main process or the screens', () => {
    const found: string[] = [];
    for (const file of [...sources(join(root, 'electron')), ...sources(join(root, 'renderer/src'))]) {
      const where = relative(root, file);
      if (where.startsWith('electron/core/testing/') || where.startsWith('renderer/src/i18n/') || Object.hasOwn(allowed, where))
        continue;
      for (const literal of stringLiterals(file))
        if (chinese.test(literal.text)) found.push(`${where}:${literal.line} ${JSON.stringify(literal.text.slice(0, 40))}`);
    }
    expect(found).toEqual([]);
  });

  it('are found by typed keys: a key that is not in the tables does not compile', () => {
    expect(message('errors.CANCELLED')).toBe('已取消，数据和文件都保持原样');
    // @ts-expect-error — no such sentence: the compiler refuses the key (and this line shows it).
    const missing: MessageKey = 'errors.NO_SUCH_CODE';
    expect(message(missing)).toBe('errors.NO_SUCH_CODE');
  });
});
