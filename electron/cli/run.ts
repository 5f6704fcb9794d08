import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { AppError, type AppErrorShape } from '../../shared/errors';
import type { CoreEvent } from '../../shared/events';
import { openCore } from '../core/open';
import { resolveDataDir } from '../core/paths';
import { chromiumPlatform } from './chromium-platform';
import { type Command, type OptionSpec, UsageError } from './command';
import { commands } from './commands';

export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  isTerminal?: boolean;
  // Rewrites one status line in place.
  progress?: (text: string) => void;
};

const globalOptions = {
  'data-dir': { type: 'string', describe: '数据文件夹（也可用环境变量 CADRE_DATA_DIR 指定）' },
  json: { type: 'boolean', describe: '以 JSON 输出结果（错误以 JSON 写到 stderr）' },
  help: { type: 'boolean', describe: '显示帮助' },
} as const satisfies Record<string, OptionSpec>;

const describeOptions = (options: Readonly<Record<string, OptionSpec>>) =>
  Object.entries(options).map(([name, spec]) => `  --${name}${spec.type === 'string' ? ' 值' : ''}\n      ${spec.describe}`);

// Command names in one column, summaries aligned after the longest.
const width = Math.max(...commands.map((c) => c.words.join(' ').length)) + 2;

const generalHelp = () =>
  [
    '党校培训班管理 命令行',
    '',
    '用法：npm run cadre -- <命令> [选项]    （需要纯 JSON 输出时用 npm run -s cadre -- … --json）',
    '',
    '命令：',
    ...commands.map((c) => `  ${c.words.join(' ').padEnd(width)}${c.summary}`),
    '',
    '通用选项：',
    ...describeOptions(globalOptions),
    '',
    '查看某个命令的选项：npm run cadre -- <命令> --help',
  ].join('\n');

const commandHelp = (command: Command) =>
  [
    `用法：npm run cadre -- ${command.usage}`,
    '',
    command.summary,
    '',
    '选项：',
    ...describeOptions({ ...command.options, ...globalOptions }),
  ].join('\n');

const findCommand = (args: readonly string[]): { command: Command; rest: string[] } | undefined => {
  for (const command of commands) {
    if (command.words.every((word, i) => args[i] === word)) return { command, rest: args.slice(command.words.length) };
  }
  return undefined;
};

type Parsed = { values: Record<string, string | boolean | undefined>; positionals: string[] };

// Parsed leniently, then checked here, so that every mistake gets a sentence in Chinese.
const parseCommandLine = (args: readonly string[], options: Readonly<Record<string, OptionSpec>>): Parsed => {
  const { values, positionals, tokens } = parseArgs({
    args: [...args],
    options: Object.fromEntries(Object.entries(options).map(([name, spec]) => [name, { type: spec.type }])),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = Object.hasOwn(options, token.name) ? options[token.name] : undefined;
    if (!spec) throw new UsageError(`未知的选项“${token.rawName}”`);
    // "--year --json" means a forgotten value, not the year "--json".
    const missing = token.value === undefined || (!token.inlineValue && token.value.startsWith('--'));
    if (spec.type === 'string' && missing) throw new UsageError(`选项“${token.rawName}”需要一个值`);
    if (spec.type === 'boolean' && token.value !== undefined) throw new UsageError(`选项“${token.rawName}”不需要值`);
  }
  return { values, positionals };
};

const printError = (io: Io, error: AppErrorShape, json: boolean) => {
  if (json) {
    io.stderr(JSON.stringify({ error }, null, 2));
    return;
  }
  io.stderr(`错误：${error.message}`);
  const issues = error.details?.issues ?? [];
  if (issues.length > 1) for (const issue of issues) io.stderr(`  - ${issue.message}`);
};

const phases: Record<string, string> = { read: '读取文件', check: '核对', write: '写入', prepare: '准备' };

// Long work draws a progress line on a terminal; piped output and --json stay clean.
const progressPrinter = (io: Io, quiet: boolean) => {
  if (quiet || !io.isTerminal) return undefined;
  return (event: CoreEvent) => {
    const percent = event.total > 0 ? Math.round((event.done / event.total) * 100) : 0;
    io.progress?.(`${phases[event.phase] ?? event.phase} ${event.done}/${event.total}（${percent}%）`);
  };
};

export const run = async (argv: readonly string[], io: Io): Promise<number> => {
  const wantsJson = argv.includes('--json');
  const found = findCommand(argv);
  if (!found) {
    const asked = argv.includes('--help') || argv.includes('-h') || argv.length === 0;
    if (asked) {
      io.stdout(generalHelp());
      return 0;
    }
    const words = argv
      .filter((arg) => !arg.startsWith('-'))
      .slice(0, 2)
      .join(' ');
    io.stderr(`错误：未知的命令“${words}”\n\n${generalHelp()}`);
    return 2;
  }
  const { command, rest } = found;
  const allOptions = { ...command.options, ...globalOptions };
  let parsed: Parsed;
  try {
    parsed = parseCommandLine(rest, allOptions);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`错误：${error.message}\n\n${commandHelp(command)}`);
    return 2;
  }
  if (parsed.values['help'] === true) {
    io.stdout(commandHelp(command));
    return 0;
  }

  const dataDirArg = parsed.values['data-dir'];
  const dataDir = resolveDataDir(typeof dataDirArg === 'string' ? ['--data-dir', dataDirArg] : [], io.env);
  let opened: ReturnType<typeof openCore>;
  try {
    opened = openCore({ dataDir, platform: chromiumPlatform(), emit: progressPrinter(io, wantsJson) });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'DATABASE_DAMAGED' && command.whenDamaged) {
      const result = await command.whenDamaged(dataDir, parsed.values, parsed.positionals);
      if (!result.ok) {
        printError(io, result.error, wantsJson);
        return 1;
      }
      io.stdout(wantsJson ? JSON.stringify(command.json(result.value), null, 2) : command.print(result.value));
      return 0;
    }
    printError(io, error.toShape(), wantsJson);
    if (error.code === 'DATABASE_DAMAGED') io.stderr('可以用 npm run cadre -- restore <备份文件夹> 从备份恢复。');
    return 1;
  }
  try {
    let result;
    try {
      result = await command.execute(
        { call: opened.router.call, grant: (path, purpose) => opened.core.grants.issue(resolve(path), purpose) },
        parsed.values,
        parsed.positionals,
      );
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`错误：${error.message}\n\n${commandHelp(command)}`);
      return 2;
    }
    if (!result.ok) {
      printError(io, result.error, wantsJson);
      return 1;
    }
    io.stdout(wantsJson ? JSON.stringify(command.json(result.value), null, 2) : command.print(result.value));
    return command.exitCode(result.value);
  } finally {
    opened.close();
  }
};
