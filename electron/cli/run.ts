import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { contract } from '../../shared/contract';
import { AppError, type AppErrorShape } from '../../shared/errors';
import type { CoreEvent } from '../../shared/events';
import { openCore } from '../core/open';
import { resolveDataDir } from '../core/paths';
import { chromiumPlatform } from './chromium-platform';
import { type Call, type Command, type OptionSpec, UsageError } from './command';
import { commands } from './commands';
import { cliText } from './messages';

export type Io = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Readonly<Record<string, string | undefined>>;
  isTerminal?: boolean;
  // Rewrites one status line in place.
  progress?: (text: string) => void;
  // Ctrl+C: running jobs stop at their next safe point, leaving data and files as they were.
  interrupt?: AbortSignal;
};

const globalOptions = {
  'data-dir': { type: 'string', describe: cliText('global.dataDir') },
  json: { type: 'boolean', describe: cliText('global.json') },
  help: { type: 'boolean', describe: cliText('global.help') },
} as const satisfies Record<string, OptionSpec>;

const describeOptions = (options: Readonly<Record<string, OptionSpec>>) =>
  Object.entries(options).map(
    ([name, spec]) => `  --${name}${spec.type === 'string' ? cliText('usage.value') : ''}\n      ${spec.describe}`,
  );

// Command names in one column, summaries aligned after the longest.
const width = Math.max(...commands.map((c) => c.words.join(' ').length)) + 2;

const generalHelp = () =>
  [
    cliText('usage.title'),
    '',
    cliText('usage.line'),
    '',
    cliText('usage.commands'),
    ...commands.map((c) => `  ${c.words.join(' ').padEnd(width)}${c.summary}`),
    '',
    cliText('usage.globalOptions'),
    ...describeOptions(globalOptions),
    '',
    cliText('usage.more'),
  ].join('\n');

const commandHelp = (command: Command) =>
  [
    cliText('usage.command', { usage: command.usage }),
    '',
    command.summary,
    '',
    cliText('usage.options'),
    ...describeOptions({ ...command.options, ...globalOptions }),
  ].join('\n');

// Global options may come before the command as well as after it: `--data-dir D class list` and
// `class list --data-dir D` are the same command line.
const leadingGlobals = (argv: readonly string[]): { globals: string[]; rest: string[] } => {
  const globals: string[] = [];
  let i = 0;
  while (i < argv.length) {
    const arg = argv[i] ?? '';
    if (arg === '--data-dir' && i + 1 < argv.length) {
      globals.push(arg, argv[i + 1] ?? '');
      i += 2;
    } else if (arg.startsWith('--data-dir=') || arg === '--json' || arg === '--help' || arg === '-h') {
      globals.push(arg);
      i += 1;
    } else break;
  }
  return { globals, rest: argv.slice(i) };
};

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
    if (!spec) throw new UsageError(cliText('errors.unknownOption', { option: token.rawName }));
    // "--year --json" means a forgotten value, not the year "--json".
    const missing = token.value === undefined || (!token.inlineValue && token.value.startsWith('--'));
    if (spec.type === 'string' && missing) throw new UsageError(cliText('errors.needsValue', { option: token.rawName }));
    if (spec.type === 'boolean' && token.value !== undefined)
      throw new UsageError(cliText('errors.noValue', { option: token.rawName }));
  }
  return { values, positionals };
};

const printError = (io: Io, error: AppErrorShape, json: boolean) => {
  if (json) {
    io.stderr(JSON.stringify({ error }, null, 2));
    return;
  }
  const issues = error.details?.issues ?? [];
  // A refusal of many rows says them all in its message, for a screen's one line; listed one a line
  // here, they are not said twice: the message keeps its head ("文件中有 2 处问题，没有导入任何内容：").
  const listed = issues.length > 1 ? error.message.indexOf(issues[0]?.message ?? '') : -1;
  io.stderr(cliText('errors.prefix', { message: listed > 0 ? error.message.slice(0, listed) : error.message }));
  if (issues.length > 1) for (const issue of issues) io.stderr(`  - ${issue.message}`);
};

// Long work draws a progress line on a terminal; piped output and --json stay clean.
const progressPrinter = (io: Io, quiet: boolean) => {
  if (quiet || !io.isTerminal) return undefined;
  return (event: CoreEvent) => {
    const percent = event.total > 0 ? Math.round((event.done / event.total) * 100) : 0;
    const phase = cliText(`phases.${event.phase}`);
    // A step of one (Chromium printing a PDF) is named, not counted: "0/1 (0%)" would only look stuck.
    io.progress?.(
      event.total > 1 ? cliText('phases.line', { phase, done: event.done, total: event.total, percent }) : `${phase}…`,
    );
  };
};

// The shell's code for a command stopped by Ctrl+C.
const interruptedCode = 130;

export const run = async (argv: readonly string[], io: Io): Promise<number> => {
  const { globals, rest: afterGlobals } = leadingGlobals(argv);
  const wantsJson = argv.includes('--json');
  const found = findCommand(afterGlobals);
  if (!found) {
    const asked = argv.includes('--help') || argv.includes('-h') || afterGlobals.length === 0;
    if (asked) {
      io.stdout(generalHelp());
      return 0;
    }
    const words = afterGlobals
      .filter((arg) => !arg.startsWith('-'))
      .slice(0, 2)
      .join(' ');
    io.stderr(`${cliText('errors.prefix', { message: cliText('errors.unknownCommand', { words }) })}\n\n${generalHelp()}`);
    return 2;
  }
  const { command } = found;
  const rest = [...found.rest, ...globals];
  const allOptions = { ...command.options, ...globalOptions };
  let parsed: Parsed;
  try {
    parsed = parseCommandLine(rest, allOptions);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`${cliText('errors.prefix', { message: error.message })}\n\n${commandHelp(command)}`);
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
    opened = openCore({ dataDir, door: 'cli', platform: chromiumPlatform(), emit: progressPrinter(io, wantsJson) });
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
    if (error.code === 'DATABASE_DAMAGED') io.stderr(cliText('errors.restoreHint'));
    return 1;
  }
  const stopJobs = () => opened.core.jobs.cancelAll();
  io.interrupt?.addEventListener('abort', stopJobs);
  let jobs = 0;
  // Every job gets an id, so that its progress reaches the terminal.
  const call: Call = (channel, input) => {
    jobs += 1;
    const named =
      contract[channel].kind === 'job' && typeof input === 'object' && input !== null
        ? { ...input, jobId: `cli-${jobs}` }
        : input;
    return opened.router.call(channel, named);
  };
  try {
    let result;
    try {
      result = await command.execute(
        { call, grant: (path, purpose) => opened.core.grants.issue(resolve(path), purpose) },
        parsed.values,
        parsed.positionals,
      );
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      io.stderr(`${cliText('errors.prefix', { message: error.message })}\n\n${commandHelp(command)}`);
      return 2;
    }
    if (!result.ok && result.error.code === 'CANCELLED') {
      io.stderr(cliText('errors.cancelled'));
      return interruptedCode;
    }
    if (!result.ok) {
      printError(io, result.error, wantsJson);
      return 1;
    }
    io.stdout(wantsJson ? JSON.stringify(command.json(result.value), null, 2) : command.print(result.value));
    return command.exitCode(result.value);
  } finally {
    io.interrupt?.removeEventListener('abort', stopJobs);
    opened.close();
  }
};
