// `npm run dist`: an installer for this machine's platform, under dist/.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { builderArgs } from './dist-args.mjs';
import { prepareElectronNative } from './electron-native.mjs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const electronViteCli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');
const step = (script, args) => {
  const result = spawnSync(process.execPath, [script, ...args], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

prepareElectronNative();
step(electronViteCli, ['build']);
step(require.resolve('electron-builder/cli.js'), builderArgs(process.platform, process.arch, process.argv.slice(2)));
