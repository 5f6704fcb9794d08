import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { channels, contract, contractFragments } from '../../shared/contract';
import { domainHandlers } from './handlers';
import { cycles, folderGraph, type ImportGraph, importGraph, type Layers, upwardImports } from './testing/import-graph';

const root = resolve(import.meta.dirname, '../..');

const filesUnder = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });

// The core's folders in layers (architecture.md): a folder imports only from its own layer and those
// below, and folders never import each other in a circle. The kernel first; the shell (what opens a
// data folder and answers the app's own questions) last.
const coreLayers: Layers = [
  // kernel
  [
    'db',
    'context',
    'router',
    'platform',
    'paths',
    'log',
    'lock',
    'jobs',
    'files',
    'documents',
    'settings',
    'vocab',
    'audit',
    'backup',
    'check',
  ],
  // people and places
  ['classes', 'trainees', 'staff', 'sites'],
  // activities
  ['roster', 'seating', 'schedule', 'attendance', 'checkin', 'lodging', 'reports', 'surveys'],
  // the class's life and the read models
  ['lifecycle', 'workbench', 'search'],
  // the shell
  ['app', 'sample', 'host', 'handlers', 'open'],
];

// context.ts (the Core every service receives) and router.ts (the Handlers every domain declares)
// are the frame the folders are written against: every folder imports them, and they name the
// kernel's parts. They sit in the kernel's layer, and circles are looked for among the folders
// without them; the file-level test above holds them to no circle of files.
const frame = new Set(['context', 'router']);
const withoutFrame = (folders: ImportGraph): ImportGraph =>
  new Map(
    [...folders].filter(([name]) => !frame.has(name)).map(([name, targets]) => [name, targets.filter((t) => !frame.has(t))]),
  );

const coreFolders = (): ImportGraph => {
  const folders = folderGraph(importGraph(root, ['electron/core']), 'electron/core');
  // Test support imports whatever it builds with; a product file importing it would show as an import
  // into no layer.
  folders.delete('testing');
  return folders;
};

const domainOf = (channel: string) => channel.slice(0, channel.indexOf('.'));

describe('one folder per domain', () => {
  it('declares each channel x.* in shared/x/contract.ts, and the contract is nothing but the fragments', async () => {
    for (const [domain, fragment] of Object.entries(contractFragments)) {
      expect(existsSync(join(root, 'shared', domain, 'contract.ts')), `shared/${domain}/contract.ts`).toBe(true);
      for (const channel of Object.keys(fragment)) expect(domainOf(channel), channel).toBe(domain);
    }
    const declared = Object.values(contractFragments).flatMap((fragment) => Object.keys(fragment));
    expect(declared.sort()).toEqual([...channels].sort());
    // Each shared/<x>/contract.ts exports exactly the fragment of x.
    for (const domain of Object.keys(contractFragments)) {
      const module: Record<string, unknown> = await import(`../../shared/${domain}/contract.ts`);
      const exported = Object.values(module).filter((value) => typeof value === 'object' && value !== null);
      expect(exported, `shared/${domain}/contract.ts`).toEqual([Reflect.get(contractFragments, domain)]);
    }
  });

  it('handles each channel x.* in electron/core/x/handlers.ts and nowhere else', () => {
    const tables = filesUnder(join(root, 'electron/core')).filter(
      (file) => file.endsWith('.ts') && !file.endsWith('.test.ts') && readFileSync(file, 'utf8').includes('satisfies Handlers'),
    );
    // Every handler table in the core is a domain's handlers.ts, and it is the one the router uses.
    expect(tables.map((file) => relative(root, file)).sort()).toEqual(
      Object.keys(domainHandlers)
        .map((domain) => `electron/core/${domain}/handlers.ts`)
        .sort(),
    );
    for (const [domain, table] of Object.entries(domainHandlers)) {
      for (const channel of Object.keys(table)) expect(domainOf(channel), `${channel} in electron/core/${domain}/`).toBe(domain);
    }
    const handled = Object.values(domainHandlers).flatMap((table) => Object.keys(table));
    expect(handled.sort()).toEqual(Object.keys(contract).sort());
    expect(Object.keys(domainHandlers).sort()).toEqual(Object.keys(contractFragments).sort());
  });

  it('has no modules that import each other in a circle', () => {
    const graph = importGraph(root, ['shared', 'electron/core', 'electron/cli', 'electron/main', 'renderer/src']);
    expect(graph.size).toBeGreaterThan(100);
    expect(cycles(graph)).toEqual([]);
  });

  it('stands in layers: no folder imports one above it, and no two folders import each other', () => {
    const folders = coreFolders();
    expect(upwardImports(folders, coreLayers)).toEqual([]);
    expect(cycles(withoutFrame(folders))).toEqual([]);
    // Every folder of the core is in the picture (a new one must be given its layer).
    const named = new Set(coreLayers.flat());
    const present = readdirSync(join(root, 'electron/core'), { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'testing')
      .map((entry) => entry.name);
    expect(present.filter((name) => !named.has(name))).toEqual([]);
  });

  it('would say so if a lower folder imported a higher one, or two folders imported each other', () => {
    // A graph built for the purpose, of files as importGraph gives them.
    const files: ImportGraph = new Map([
      ['electron/core/db/statements.ts', ['electron/core/roster/service.ts']],
      ['electron/core/roster/service.ts', ['electron/core/db/statements.ts', 'electron/core/classes/service.ts']],
      ['electron/core/classes/service.ts', ['electron/core/staff/service.ts']],
      ['electron/core/staff/service.ts', ['electron/core/classes/service.ts', 'electron/core/context.ts']],
      ['electron/core/context.ts', ['electron/core/db/statements.ts']],
      ['electron/core/elsewhere/thing.ts', []],
    ]);
    const folders = folderGraph(files, 'electron/core');
    expect(upwardImports(folders, coreLayers)).toEqual(['db → roster', 'elsewhere: in no layer']);
    expect(cycles(withoutFrame(folders))).toEqual([
      ['classes', 'staff'],
      ['db', 'roster'],
    ]);
  });

  it('keeps SQL in the core, prepared through the statement cache, Electron in main, and parsers in their worker', () => {
    const offenders: string[] = [];
    for (const file of filesUnder(join(root, 'electron')).concat(filesUnder(join(root, 'shared')))) {
      if (!file.endsWith('.ts') || file.endsWith('.test.ts') || file.includes(`${join('core', 'testing')}`)) continue;
      const text = readFileSync(file, 'utf8');
      const where = relative(root, file);
      // db.prepare is the statement cache's own business (and a migration's, which runs once).
      if (/\.prepare\s*[<(]/.test(text) && !where.endsWith('db/statements.ts') && !where.includes('db/migrations/'))
        offenders.push(`${where}: prepares SQL outside db/statements.ts`);
      if (/from 'electron'/.test(text) && !where.startsWith('electron/main/') && !where.startsWith('electron/preload/'))
        offenders.push(`${where}: imports electron`);
      if (/from 'better-sqlite3'/.test(text) && !where.startsWith('electron/core/')) offenders.push(`${where}: imports SQLite`);
      // A file from outside is parsed in the parser worker (core.parser), never in the core's thread.
      if (
        /\breadWorkbook\(/.test(text) &&
        !where.endsWith('documents/sheet-reader.ts') &&
        !where.endsWith('documents/parser/worker.ts')
      )
        offenders.push(`${where}: parses a file outside the parser worker`);
    }
    expect(offenders).toEqual([]);
  });
});
