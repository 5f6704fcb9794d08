import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// Rule 9 (architecture.md): every file the core writes goes through the containment helper. Held here
// by the source itself: outside files/contain.ts (and atomic.ts, the rename and sync it builds on), no
// module of the core or the command line imports a function of node:fs that writes, removes, moves or
// makes. A new writer that reaches for writeFileSync fails this test, and is sent to contain.ts.

const root = resolve(import.meta.dirname, '../../..');

const writing = new Set([
  'appendFile',
  'appendFileSync',
  'copyFile',
  'copyFileSync',
  'cp',
  'cpSync',
  'createWriteStream',
  'link',
  'linkSync',
  'mkdir',
  'mkdirSync',
  'mkdtemp',
  'mkdtempSync',
  'rename',
  'renameSync',
  'rm',
  'rmSync',
  'rmdir',
  'rmdirSync',
  'symlink',
  'symlinkSync',
  'truncate',
  'truncateSync',
  'unlink',
  'unlinkSync',
  'writeFile',
  'writeFileSync',
  'open',
  'openSync',
]);

// Each with its reason.
const allowed = new Map([
  ['electron/core/files/contain.ts', 'the containment helper itself'],
  ['electron/core/files/atomic.ts', 'the rename into place and the folder sync the helper builds on'],
  // The stream is part of a file the helper has just written (name:Zone.Identifier), not a file of its own.
  ['electron/core/files/mark-of-the-web.ts', 'the Zone.Identifier stream of a file contain.ts wrote'],
]);

// openSync for reading only (a zip read piece by piece): the flag is checked below.
const readOnlyOpen = /openSync\(\s*[^,()]+,\s*'r'\s*\)/g;

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' ? [] : sources(path);
    return /\.ts$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });

describe('rule 9: one containment helper for every file the core writes', () => {
  it('leaves no writing function of node:fs to any other module of the core or the command line', () => {
    const found: string[] = [];
    let checked = 0;
    for (const file of [...sources(join(root, 'electron/core')), ...sources(join(root, 'electron/cli'))]) {
      const name = relative(root, file);
      const text = readFileSync(file, 'utf8');
      checked += 1;
      if (allowed.has(name)) continue;
      for (const match of text.matchAll(/import\s+(\*\s+as\s+\w+|\{[^}]*\}|\w+)\s+from\s+'(?:node:)?fs(?:\/promises)?'/g)) {
        const clause = match[1] ?? '';
        if (!clause.startsWith('{')) {
          found.push(`${name}: imports the whole of fs (${clause})`);
          continue;
        }
        const names = clause
          .slice(1, -1)
          .split(',')
          .map(
            (part) =>
              part
                .trim()
                .split(/\s+as\s+/)[0]
                ?.replace(/^type\s+/, '') ?? '',
          )
          .filter(Boolean);
        for (const imported of names) {
          if (!writing.has(imported)) continue;
          // Opening to read is not writing: every openSync in the file must say 'r'.
          if (imported === 'openSync' && text.split('openSync(').length - 1 === [...text.matchAll(readOnlyOpen)].length) continue;
          found.push(`${name}: ${imported}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(100);
    expect(found).toEqual([]);
  });
});
