import { resolve } from 'node:path';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { err, ok } from '../../../shared/result';
import { readBackup } from '../../core/backup/listing';
import { restoreFiles, setAsideDamaged } from '../../core/backup/restore-steps';
import { verifyDatabase } from '../../core/backup/verify';
import { appLockHolder } from '../../core/lock';
import { databaseFileName } from '../../core/db/file-name';
import { type Command, defined, steps, UsageError } from '../command';
import { formatFacts } from '../format';
import { cliText } from '../messages';
import { type CheckReport } from '../../../shared/check/schemas';

const describe = (info: BackupInfo) =>
  formatFacts([
    [cliText('data.facts.backup'), info.name],
    [cliText('data.facts.time'), new Date(info.createdAt).toLocaleString('zh-CN')],
    [cliText('data.facts.where'), info.path],
    [cliText('data.facts.contents'), cliText('data.facts.contentsValue', info.counts)],
    [cliText('data.facts.size'), `${(info.bytes / 1024 / 1024).toFixed(1)} MB`],
  ]);

const onePath = (positionals: readonly string[]) => {
  const [path, ...extra] = positionals;
  if (path === undefined) throw new UsageError(cliText('data.restore.needFolder'));
  if (extra.length > 0) throw new UsageError(cliText('errors.extra', { args: extra.join(' ') }));
  return resolve(path);
};

type Restore = { preview: BackupInfo; done: boolean; safety?: BackupInfo; aside?: string };

const refuseWhileAppRuns = (dataDir: string) => {
  const pid = appLockHolder(dataDir);
  if (pid !== undefined) throw new AppError('INVALID_STATE', message('backup.appRunning', { pid }));
};

const printRestore = ({ preview, done, safety, aside }: Restore) =>
  [
    describe(preview),
    done
      ? `\n${cliText('data.restore.done')}${safety ? cliText('data.restore.safety', { path: safety.path }) : ''}${aside ? cliText('data.restore.aside', { path: aside }) : ''}`
      : `\n${cliText('data.restore.confirm')}`,
  ].join('\n');

export const dataCommands: readonly Command[] = [
  steps<BackupInfo>({
    words: ['backup'],
    usage: cliText('data.backup.usage'),
    summary: cliText('data.backup.summary'),
    options: { out: { type: 'string', describe: cliText('data.backup.out') } },
    execute: ({ call, grant }, values) =>
      call(
        'backup.create',
        defined({ folder: typeof values['out'] === 'string' ? grant(values['out'], 'backupFolder') : undefined }),
      ),
    print: (info) => cliText('data.backup.done', { facts: describe(info) }),
  }),
  steps<Restore>({
    words: ['restore'],
    usage: cliText('data.restore.usage'),
    summary: cliText('data.restore.summary'),
    options: { yes: { type: 'boolean', describe: cliText('data.restore.yes') } },
    execute: async ({ call, grant }, values, positionals) => {
      const source = { grant: grant(onePath(positionals), 'restoreFrom') };
      const preview = await call('backup.inspect', source);
      if (!preview.ok || values['yes'] !== true) return preview.ok ? ok({ preview: preview.value, done: false }) : preview;
      const info = await call('app.info', {});
      if (info.ok) refuseWhileAppRuns(info.value.dataDir);
      const result = await call('backup.restore', source);
      return result.ok ? ok({ preview: preview.value, done: true, safety: result.value.safety }) : err(result.error);
    },
    // The database will not open: the damaged file goes aside and the backup takes its place.
    whenDamaged: async (dataDir, values, positionals) => {
      const path = onePath(positionals);
      try {
        const preview = readBackup(path);
        verifyDatabase(`${preview.path}/${databaseFileName}`, undefined, { scratchIn: dataDir });
        if (values['yes'] !== true) return ok({ preview, done: false });
        refuseWhileAppRuns(dataDir);
        const aside = setAsideDamaged(dataDir, new Date());
        restoreFiles(dataDir, path, undefined);
        return ok({ preview, done: true, aside });
      } catch (error) {
        if (error instanceof AppError) return err(error.toShape());
        throw error;
      }
    },
    print: printRestore,
  }),
  steps<CheckReport>({
    words: ['check'],
    usage: cliText('data.check.usage'),
    summary: cliText('data.check.summary'),
    options: {},
    execute: ({ call }) => call('check.run', {}),
    // Problems are the answer, not a failure of the command; the exit code still says so.
    exitCode: (report) => (report.ok ? 0 : 1),
    print: (report) =>
      [
        report.ok ? cliText('data.check.passed') : cliText('data.check.failed'),
        cliText('data.check.integrity', {
          result: report.integrity.length === 0 ? cliText('data.check.fine') : report.integrity.join(message('text.clauses')),
        }),
        cliText('data.check.foreignKeys', {
          result:
            report.foreignKeys.length === 0
              ? cliText('data.check.fine')
              : cliText('data.check.broken', { count: report.foreignKeys.length }),
        }),
        cliText('data.check.files', {
          checked: report.files.checked,
          missing: report.files.missing.length,
          mismatched: report.files.mismatched.length,
          orphans: report.files.orphans.length,
          leftovers: report.files.leftovers.length,
        }),
        cliText('data.check.counts', report.counts),
      ].join('\n'),
  }),
];
