import { run } from './run';

// `npm run cadre -- …`: the command line over the same router the app uses.
const exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  isTerminal: process.stderr.isTTY,
  progress: (text) => process.stderr.write(`\r${text}\u001b[K`),
});
if (process.stderr.isTTY) process.stderr.write('\r\u001b[K');
process.exitCode = exitCode;
