import { run } from './run';

// Ctrl+C asks running jobs to stop (they leave data and files as they were); a second Ctrl+C ends
// the process at once, and SQLite rolls back whatever transaction was open.
const interrupt = new AbortController();
process.once('SIGINT', () => {
  interrupt.abort();
  process.once('SIGINT', () => process.exit(130));
});

// `npm run cadre -- …`: the command line over the same router the app uses.
const exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  isTerminal: process.stderr.isTTY,
  progress: (text) => process.stderr.write(`\r${text}\u001b[K`),
  interrupt: interrupt.signal,
});
if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
process.exitCode = exitCode;
