import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

// statement() hands every caller of one SQL text the same prepared statement, and .pluck()/.raw()
// change that statement: a caller wanting rows as objects, after another plucked the same SQL, gets
// bare values (or arrays) instead. So each SQL text is used in one mode throughout the core.

const root = resolve(import.meta.dirname, '..');

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });

const calls = /statement(?:<[^(]*?>)?\(\s*core\.db,\s*(`[^`]*`|'[^']*')\s*,?\s*\)(\s*\.\s*(pluck|raw)\(\))?/gs;

describe('the statement cache', () => {
  it('serves each SQL text in one mode: as objects, plucked or raw, never mixed', () => {
    const modes = new Map<string, Map<string, string[]>>();
    let seen = 0;
    for (const file of sources(root)) {
      for (const match of readFileSync(file, 'utf8').matchAll(calls)) {
        seen += 1;
        const sql = (match[1] ?? '').slice(1, -1).replace(/\s+/g, ' ').trim();
        const mode = match[3] ?? 'object';
        const byMode = modes.get(sql) ?? new Map<string, string[]>();
        byMode.set(mode, [...(byMode.get(mode) ?? []), relative(root, file)]);
        modes.set(sql, byMode);
      }
    }
    const mixed = [...modes]
      .filter(([, byMode]) => byMode.size > 1)
      .map(([sql, byMode]) => `${sql} — ${JSON.stringify(Object.fromEntries(byMode))}`);
    console.log(`statement cache: ${seen} calls of ${modes.size} SQL texts read`);
    expect(seen).toBeGreaterThan(200);
    expect(mixed).toEqual([]);
  });
});
