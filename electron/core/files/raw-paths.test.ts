import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels } from '../../../shared/contract';
import { isRawPath } from '../../../shared/files/raw-path';
import { failure, value } from '../testing/expect-result';
import { standardRoster } from '../testing/roster-files';
import { openTempCore, snapshot, type TempCore } from '../testing/temp-core';

let t: TempCore;
let classId = 0;
// A real roster and a real backup stand at some of the paths below: had any handler read them, the
// import would preview, the restore would run.
let roster = '';
let backupFolder = '';
beforeAll(async () => {
  t = openTempCore();
  value(await t.router.call('app.loadSample', {}));
  classId = value(await t.router.call('classes.list', { search: '市管' })).items[0]?.id ?? 0;
  roster = standardRoster(t.dir, 5, 'raw.xlsx');
  backupFolder = value(await t.router.call('backup.create', {})).path;
});
afterAll(() => t.dispose());

// The kinds of raw path a page could try: to a file in the data folder, to a network share, through
// the \\?\ prefix, climbing out with "..", as a file: URL, in the user's home.
const rawPaths = () => [
  join(t.dir, 'written-by-a-page.csv'),
  () => roster,
  () => backupFolder,
  'C:\\Users\\Public\\Start Menu\\Programs\\Startup\\x.csv',
  'C:/Windows/win.ini',
  '\\\\fileserver\\share\\cadre.sqlite3',
  '//fileserver/share/cadre.sqlite3',
  '\\\\?\\C:\\Windows\\win.ini',
  '\\Windows\\win.ini',
  '../../../../etc/passwd',
  '..\\..\\secret.xlsx',
  'backups/../../cadre.sqlite3',
  'file:///etc/passwd',
  '~/.ssh/id_rsa',
  // Climbing with a segment that is ".." once trimmed (issue 19, H1): as a folder name from a drop, a
  // space before or after, or a full-width space as a Chinese IME types it; and what Windows reads as
  // ".." once it drops trailing dots and spaces.
  ' ../ ../.config/autostart/evil.desktop',
  '.. /.. /cadre.sqlite3',
  '..\u3000/..\u3000/x.docx',
  '第一组/ .. / .. /x.docx',
  '.../x.docx',
];

const keys = ['path', 'dir', 'file', 'grant', 'folder', 'backup', 'name', 'search', 'title'];

describe('the untyped door refuses any raw path anywhere in an input', () => {
  it('refuses each kind of raw path on every channel, in every key and nested, before a handler runs', async () => {
    const before = snapshot(t.core.db);
    const backupsBefore = readdirSync(join(t.dir, 'backups')).sort();
    const tried = new Map<string, number>();
    for (const channel of channels) {
      for (const entry of rawPaths()) {
        const raw = typeof entry === 'function' ? entry() : entry;
        const inputs = [
          ...keys.map((key) => ({ classId, [key]: raw })),
          // Deep inside: an array element, a nested object, a map key.
          { classId, session: { title: '课', place: raw } },
          { classId, marks: [{ enrolmentId: 1, status: 'present', reason: raw }] },
          { classId, columns: [raw] },
          { [raw]: 1 },
        ];
        for (const input of inputs) {
          const error = failure(await t.router.handle(channel, input), 'INVALID_INPUT');
          // Refused at the door, by this rule: not by a schema that a later change could loosen.
          expect(error.details?.issues?.[0]?.code, `${channel} ${JSON.stringify(input)}`).toBe('raw_path');
          tried.set(channel, (tried.get(channel) ?? 0) + 1);
        }
      }
    }
    // Nothing written, nothing read into the database, no backup made or restored.
    expect(snapshot(t.core.db)).toBe(before);
    expect(existsSync(join(t.dir, 'written-by-a-page.csv'))).toBe(false);
    expect(readdirSync(join(t.dir, 'backups')).sort()).toEqual(backupsBefore);
    const total = [...tried.values()].reduce((sum, n) => sum + n, 0);
    console.log(`raw paths: ${total} inputs on ${tried.size} channels, every one refused at the door`);
    expect(tried.size).toBe(channels.length);
  });

  it('knows a path from prose that mentions one, and from the values the app sends', () => {
    for (const raw of rawPaths()) if (typeof raw === 'string') expect(isRawPath(raw), raw).toBe(true);
    for (const text of [
      '材料见 D:\\培训资料',
      '理论/实践',
      '2019/06/03',
      '08:30',
      '……',
      '等等...',
      '...',
      ' ..',
      '..',
      'a.b.c',
      '《辽源论丛》2019年第2期',
      'zs',
      'AbCdEfGhIjKlMnOpQrStUvWx',
    ]) {
      expect(isRawPath(text), text).toBe(text.trim() === '..');
    }
  });
});
