import { run } from './run';

// `npm run cadre -- …`: the command line over the same router the app uses.
const exitCode = await run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(`${text}\n`),
  stderr: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
});
process.exitCode = exitCode;
