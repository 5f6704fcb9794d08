import { resolve } from 'node:path';
import type { BackupInfo } from '../../../shared/backup/schemas';
import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { err, ok } from '../../../shared/result';
import { readBackup, restoreFiles, setAsideDamaged, verifyDatabase } from '../../core/backup/backups';
import { appLockHolder } from '../../core/lock';
import { databaseFileName } from '../../core/paths';
import { type Command, defined, steps, UsageError } from '../command';
import { formatFacts } from '../format';
import { type CheckReport } from '../../../shared/check/schemas';

const describe = (info: BackupInfo) =>
  formatFacts([
    ['备份', info.name],
    ['时间', new Date(info.createdAt).toLocaleString('zh-CN')],
    ['位置', info.path],
    [
      '内容',
      `${info.counts.classes} 个班次，${info.counts.trainees} 名学员，${info.counts.enrolments} 条名册记录，${info.counts.files} 个文件`,
    ],
    ['大小', `${(info.bytes / 1024 / 1024).toFixed(1)} MB`],
  ]);

const onePath = (positionals: readonly string[]) => {
  const [path, ...extra] = positionals;
  if (path === undefined) throw new UsageError('请给出备份文件夹（或其中的 manifest.json）');
  if (extra.length > 0) throw new UsageError(`多余的参数：${extra.join(' ')}`);
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
      ? `\n已恢复。${safety ? `恢复前的数据已备份到 ${safety.path}` : ''}${aside ? `损坏的数据库已移到 ${aside}` : ''}`
      : '\n确认无误后，加 --yes 执行恢复（当前数据会先自动备份）。',
  ].join('\n');

export const dataCommands: readonly Command[] = [
  steps<BackupInfo>({
    words: ['backup'],
    usage: 'backup [--out 文件夹]',
    summary: '立即备份数据（数据库与文件），并校验备份',
    options: { out: { type: 'string', describe: '备份到的文件夹（默认为设置中的备份文件夹）' } },
    execute: ({ call, grant }, values) =>
      call(
        'backup.create',
        defined({ folder: typeof values['out'] === 'string' ? grant(values['out'], 'backupFolder') : undefined }),
      ),
    print: (info) => `备份完成，已通过完整性检查：\n${describe(info)}`,
  }),
  steps<Restore>({
    words: ['restore'],
    usage: 'restore <备份文件夹> [--yes]',
    summary: '从备份恢复数据（先显示备份内容；恢复前会自动备份当前数据）',
    options: { yes: { type: 'boolean', describe: '确认恢复' } },
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
        verifyDatabase(`${preview.path}/${databaseFileName}`, undefined);
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
    usage: 'check',
    summary: '数据检查：数据库完整性、外键，以及每个存储文件的 SHA-256',
    options: {},
    execute: ({ call }) => call('check.run', {}),
    // Problems are the answer, not a failure of the command; the exit code still says so.
    exitCode: (report) => (report.ok ? 0 : 1),
    print: (report) =>
      [
        report.ok ? '数据检查通过：' : '数据检查发现问题：',
        `  数据库完整性：${report.integrity.length === 0 ? '正常' : report.integrity.join('；')}`,
        `  外键：${report.foreignKeys.length === 0 ? '正常' : `${report.foreignKeys.length} 处引用了不存在的记录`}`,
        `  存储文件：检查 ${report.files.checked} 个，缺失 ${report.files.missing.length}，内容不符 ${report.files.mismatched.length}，多余 ${report.files.orphans.length}，残留临时文件 ${report.files.leftovers.length}`,
        `  数据：${report.counts.classes} 个班次，${report.counts.trainees} 名学员，${report.counts.enrolments} 条名册记录`,
      ].join('\n'),
  }),
];
