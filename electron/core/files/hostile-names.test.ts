import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import fc from 'fast-check';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { noDialogs, noPrinting } from '../platform';
import { startJob } from '../jobs/job';
import { quotedPath } from '../log';
import { openCore, type OpenedCore } from '../open';
import { failure, value } from '../testing/expect-result';
import { standardRoster } from '../testing/roster-files';
import { makeTempDir } from '../testing/temp-core';
import { receiveDropped } from './dropped';

// Rule 9, thrown at every writer of the core that a name from outside reaches: dropped files (through
// the channel, and at the writer itself, behind the door's guard), the copies of reports opened from
// the app (a file name from the database: an archive's, another workstation's), stored files named by
// a hash read from the database, exports to the file a dialog chose, and the log. After every call the
// whole sandbox is listed: nothing may appear outside the folder that writer writes in, and the files
// standing for the person's own (~/.bashrc, an autostart folder) stay exactly as they were.

let sandbox: { dir: string; remove: () => void };
let data = '';
let home = '';
let out = '';
let opened: OpenedCore;
const openedFiles: string[] = [];
let versionId = 0;
let classId = 0;

beforeAll(async () => {
  sandbox = makeTempDir('cadre-hostile-');
  data = join(sandbox.dir, 'data');
  home = join(sandbox.dir, 'home');
  out = join(sandbox.dir, 'out');
  for (const dir of [home, out, join(home, '.config', 'autostart')]) mkdirSync(dir, { recursive: true });
  writeFileSync(join(home, '.bashrc'), 'export PATH=/usr/bin\n');
  opened = openCore({
    dataDir: data,
    platform: {
      ...noDialogs,
      ...noPrinting,
      openFile: async (path) => void openedFiles.push(path),
      showInFolder: async (path) => void openedFiles.push(path),
    },
  });
  value(await opened.router.call('app.loadSample', {}));
  classId = value(await opened.router.call('classes.list', { search: '年轻' })).items[0]?.id ?? 0;
  value(
    await opened.router.call('roster.importCommit', {
      classId,
      grant: opened.core.grants.issue(standardRoster(sandbox.dir, 3), 'rosterImport'),
    }),
  );
  const reports = join(sandbox.dir, 'reports');
  mkdirSync(reports);
  writeFileSync(join(reports, '关于朝阳村的调研.txt'), '关于朝阳村的调研\n朝阳村发展生态农业。');
  const staged = value(
    await opened.router.call('reports.stage', {
      classId,
      folder: opened.core.grants.issue(reports, 'reportFolder'),
      grants: [],
    }),
  );
  const enrolmentId = value(await opened.router.call('reports.board', { classId })).rows[0]?.enrolmentId ?? 0;
  value(
    await opened.router.call('reports.commit', {
      classId,
      token: staged.token,
      items: staged.files.map((file) => ({ key: file.key, enrolmentIds: [enrolmentId] })),
    }),
  );
  versionId = Number(opened.core.db.prepare('SELECT max(id) FROM report_versions').pluck().get());
});
afterAll(() => {
  opened.close();
  sandbox.remove();
});

// Everything in the sandbox, links not followed: path → what it is and its bytes' size.
const listing = (): Map<string, string> => {
  const found = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      const stat = lstatSync(path);
      found.set(relative(sandbox.dir, path), stat.isSymbolicLink() ? 'link' : stat.isDirectory() ? 'dir' : `file ${stat.size}`);
      if (entry.isDirectory()) walk(path);
    }
  };
  walk(sandbox.dir);
  return found;
};

// What changed outside the folders a writer may write in. The database, its WAL and the log change
// with any call; the rest of the data folder must not.
const strayAfter = (before: Map<string, string>, allowed: readonly string[]): string[] => {
  const always = [join('data', 'cadre.sqlite3'), join('data', 'logs')];
  const inside = (path: string) =>
    [...allowed, ...always].some((folder) => path === folder || path.startsWith(`${folder}${sep}`) || path.startsWith(folder));
  const after = listing();
  return [...after.entries()].filter(([path, kind]) => before.get(path) !== kind && !inside(path)).map(([path]) => path);
};

const homeIsAsItWas = () => {
  expect(readFileSync(join(home, '.bashrc'), 'utf8')).toBe('export PATH=/usr/bin\n');
  expect(readdirSync(join(home, '.config', 'autostart'))).toEqual([]);
};

// Pieces that hostile names are made of: the three forms of H1 (a folder named " ..", ".. ", or ".."
// with a full-width space), what Windows reads as "..", absolute paths and drive letters, \\?\ and UNC
// prefixes, names Windows reserves, NUL and control characters, 300-byte names, the right-to-left
// override, and ordinary names beside them.
const pieces = [
  ' ..',
  '.. ',
  '..\u3000',
  '..',
  '.',
  '...',
  '. .',
  '/etc/passwd',
  '/',
  '\\',
  'C:',
  'C:\\Windows\\System32',
  'D:/培训',
  '\\\\?\\C:\\x',
  '\\\\server\\share',
  '//server/share',
  'CON',
  'nul.txt',
  'COM1',
  'LPT9.docx',
  'aux .pdf',
  'a\u0000b',
  '\u0007',
  'x'.repeat(300),
  '调'.repeat(100),
  '报告\u202Excod.exe',
  ' ',
  '\u3000',
  '~',
  'file:',
  '.config',
  'autostart',
  'evil.desktop',
  '第一组',
  '张三-调研报告.docx',
  'cadre.sqlite3',
  'files',
];
const separators = ['/', '\\', '//', '\\/', '/\u3000'];

const hostileName = fc.oneof(
  fc
    .tuple(
      fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 5 }),
      fc.array(fc.constantFrom(...separators), { minLength: 5, maxLength: 5 }),
    )
    .map(([parts, seps]) => parts.map((part, i) => (i === 0 ? part : `${seps[i] ?? '/'}${part}`)).join('')),
  fc.string({ unit: fc.constantFrom('.', ' ', '\u3000', '/', '\\', ':', 'a', '调', '\u0000', 'C'), minLength: 1, maxLength: 12 }),
);

// The same, as one name (no separators): what a save dialog can hand back as a file's name.
const hostileFileName = hostileName.map((name) => name.replaceAll(/[\\/]/g, '')).filter((name) => name !== '');

// A hash as a crafted database could hold it: 64 characters (the column's CHECK) that climb.
const hostileHash = fc
  .array(fc.constantFrom('../', '..\\', '/', '.', 'a', '0', '..\u3000/', ' ../', 'etc/', 'C:\\'), {
    minLength: 20,
    maxLength: 40,
  })
  .map((parts) => parts.join('').padEnd(64, 'f').slice(0, 64))
  .filter((hash) => !/^[0-9a-f]{64}$/.test(hash));

type Tally = { tried: number; door: number; refused: number; written: number };
const tallies = new Map<string, Tally>();
const tally = (writer: string, outcome: Exclude<keyof Tally, 'tried'>) => {
  const entry = tallies.get(writer) ?? { tried: 0, door: 0, refused: 0, written: 0 };
  entry.tried += 1;
  entry[outcome] += 1;
  tallies.set(writer, entry);
};

const data64 = `data:text/plain;base64,${Buffer.from('调研报告正文').toString('base64')}`;

describe('hostile names at every writer', () => {
  it('dropped files, through the channel: refused at the door or by the writer, or written inside incoming/', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, async (relative) => {
        const before = listing();
        const result = await opened.router.call('files.receiveDropped', { files: [{ relative, data: data64 }] });
        if (result.ok) tally('drop (channel)', result.value.skipped.length > 0 ? 'refused' : 'written');
        else if (result.error.details?.issues?.[0]?.code === 'raw_path') tally('drop (channel)', 'door');
        else tally('drop (channel)', 'refused');
        expect(strayAfter(before, [join('data', 'incoming')]), JSON.stringify(relative)).toEqual([]);
        homeIsAsItWas();
      }),
      { numRuns: 200 },
    );
  });

  it('dropped files, at the writer itself (behind the door): refused, or written inside incoming/', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, async (relative) => {
        const before = listing();
        const job = startJob(opened.core, 'files.receiveDropped', undefined, new AbortController().signal);
        try {
          const received = await receiveDropped(opened.core, [{ relative, data: data64 }], job);
          tally('drop (writer)', received.skipped.length > 0 ? 'refused' : 'written');
        } catch (error) {
          if (!(error instanceof AppError) || error.code !== 'INVALID_INPUT') throw error;
          tally('drop (writer)', 'refused');
        }
        expect(strayAfter(before, [join('data', 'incoming')]), JSON.stringify(relative)).toEqual([]);
        homeIsAsItWas();
      }),
      { numRuns: 200 },
    );
  });

  it('a report opened from the app, under the file name the database holds: a copy inside open/, or refused', async () => {
    const setName = opened.core.db.prepare('UPDATE report_versions SET file_name = ? WHERE id = ?');
    await fc.assert(
      fc.asyncProperty(hostileName, async (fileName) => {
        setName.run(fileName, versionId);
        const before = listing();
        openedFiles.length = 0;
        const result = await opened.router.call('reports.open', { versionId, action: 'open' });
        tally('open copy', result.ok ? 'written' : 'refused');
        for (const path of openedFiles) expect(relative(join(data, 'open'), path).startsWith('..')).toBe(false);
        expect(strayAfter(before, [join('data', 'open')]), JSON.stringify(fileName)).toEqual([]);
        homeIsAsItWas();
      }),
      { numRuns: 120 },
    );
  });

  it('a stored file named by a hash the database holds: refused before it builds a path, by a copy and a backup', async () => {
    const sha256 = String(opened.core.db.prepare('SELECT sha256 FROM report_versions WHERE id = ?').pluck().get(versionId));
    const addFile = opened.core.db.prepare(
      `INSERT OR IGNORE INTO stored_files (sha256, size, name, created_at) VALUES (?, 1, 'x', '')`,
    );
    const point = opened.core.db.prepare('UPDATE report_versions SET sha256 = ? WHERE id = ?');
    const drop = opened.core.db.prepare('DELETE FROM stored_files WHERE sha256 = ?');
    await fc.assert(
      fc.asyncProperty(hostileHash, async (hash) => {
        addFile.run(hash);
        point.run(hash, versionId);
        const before = listing();
        failure(await opened.router.call('reports.open', { versionId, action: 'open' }), 'INVALID_STATE');
        tally('stored file (open)', 'refused');
        failure(await opened.router.call('backup.create', {}), 'INVALID_STATE');
        tally('stored file (backup)', 'refused');
        point.run(sha256, versionId);
        drop.run(hash);
        expect(strayAfter(before, [join('data', 'backups')]), JSON.stringify(hash)).toEqual([]);
        homeIsAsItWas();
      }),
      { numRuns: 25 },
    );
  });

  it('an export to the file a save dialog named: written there, in the chosen folder, or refused', async () => {
    await fc.assert(
      fc.asyncProperty(hostileFileName, async (name) => {
        const before = listing();
        let grant: string;
        try {
          grant = opened.core.grants.issue(join(out, name), 'export', 'csv');
        } catch {
          // A path with NUL cannot even be granted: no dialog could have answered it.
          tally('export', 'door');
          return;
        }
        const result = await opened.router.call('roster.export', { classId, grant, document: 'roster', format: 'csv' });
        tally('export', result.ok ? 'written' : 'refused');
        expect(strayAfter(before, ['out']), JSON.stringify(name)).toEqual([]);
        homeIsAsItWas();
      }),
      { numRuns: 100 },
    );
  });

  it('a class archive whose entry and file names are hostile: refused, or its reports stored by hash in files/', async () => {
    const text = new TextEncoder().encode('关于朝阳村的调研\n档案包中的报告。');
    const sha256 = createHash('sha256').update(text).digest('hex');
    let n = 0;
    await fc.assert(
      fc.asyncProperty(hostileName, hostileName, async (entry, fileName) => {
        n += 1;
        const manifest = {
          format: 'cadre-class-archive',
          version: 1,
          class: { name: `2019年档案班${n}`, code: '', year: 2019, startDate: '2019-06-03', endDate: '2019-06-14' },
          topics: [],
          reports: [
            {
              topic: '',
              title: '关于朝阳村的调研',
              groupNo: null,
              authors: ['张三'],
              versions: [{ entry, sha256, fileName, format: 'txt', submittedAt: '2019-06-10T02:30:00.000Z' }],
              review: null,
              publication: null,
              forwardings: [],
            },
          ],
        };
        const path = join(out, `package-${n}.zip`);
        writeFileSync(path, zipSync({ 'manifest.json': new TextEncoder().encode(JSON.stringify(manifest)), [entry]: text }));
        const before = listing();
        const preview = await opened.router.call('lifecycle.archivePreview', {
          grant: opened.core.grants.issue(path, 'archiveImport'),
        });
        if (!preview.ok) tally('archive import', 'refused');
        else {
          value(
            await opened.router.call('lifecycle.archiveImport', {
              grant: opened.core.grants.issue(path, 'archiveImport'),
              token: preview.value.token,
            }),
          );
          tally('archive import', 'written');
        }
        expect(strayAfter(before, [join('data', 'files')]), JSON.stringify([entry, fileName])).toEqual([]);
        homeIsAsItWas();
      }),
      { numRuns: 40 },
    );
  });

  it('a backup named from outside (restore by name): refused at the door unless it is a backup’s name', async () => {
    await fc.assert(
      fc.asyncProperty(hostileName, async (backup) => {
        const before = listing();
        failure(await opened.router.call('backup.restore', { backup }), 'INVALID_INPUT');
        tally('backup by name', 'door');
        expect(strayAfter(before, [])).toEqual([]);
        homeIsAsItWas();
      }),
      { numRuns: 100 },
    );
  });

  it('the log: a hostile path quoted stays on its one line, in logs/cadre.log', async () => {
    const log = join(data, 'logs', 'cadre.log');
    opened.core.log.info('hostile names: the log test begins');
    await fc.assert(
      fc.asyncProperty(hostileName, async (name) => {
        const lines = readFileSync(log, 'utf8').split('\n').length;
        const before = listing();
        opened.core.log.info(`data in ${quotedPath(join(out, `${name}\n$(id>~/PWNED)`))}`);
        tally('log', 'written');
        expect(readFileSync(log, 'utf8').split('\n').length).toBe(lines + 1);
        expect(strayAfter(before, [join('data', 'logs')])).toEqual([]);
        homeIsAsItWas();
      }),
      { numRuns: 50 },
    );
  });

  afterAll(() => {
    for (const [writer, counts] of tallies)
      console.log(
        `hostile names: ${writer}: ${counts.tried} tried — ${counts.door} refused at the door, ${counts.refused} refused by the writer, ${counts.written} written inside its folder`,
      );
  });

  it('reached each writer, both ways where both can happen', () => {
    const of = (writer: string) => tallies.get(writer) ?? { tried: 0, door: 0, refused: 0, written: 0 };
    // The door stops most climbing names; those it lets through reach the writer, which refuses some.
    expect(of('drop (channel)').door).toBeGreaterThan(0);
    expect(of('drop (channel)').refused).toBeGreaterThan(0);
    expect(of('drop (channel)').written).toBeGreaterThan(0);
    expect(of('drop (writer)').refused).toBeGreaterThan(0);
    expect(of('drop (writer)').written).toBeGreaterThan(0);
    expect(of('open copy').refused + of('open copy').written).toBe(of('open copy').tried);
    expect(of('open copy').written).toBeGreaterThan(0);
    expect(of('stored file (open)').refused).toBeGreaterThan(0);
    expect(of('stored file (backup)').refused).toBeGreaterThan(0);
    expect(of('export').refused).toBeGreaterThan(0);
    expect(of('export').written).toBeGreaterThan(0);
    expect(of('archive import').refused).toBeGreaterThan(0);
    expect(of('archive import').written).toBeGreaterThan(0);
    expect(of('backup by name').door).toBe(of('backup by name').tried);
  });
});
