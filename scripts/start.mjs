// `npm start`: make sure Electron's binary and the Electron build of better-sqlite3 exist, build the
// app, and launch it. Arguments after `--` go to the app (e.g. `npm start -- --data-dir D:\\培训数据`).
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { prepareElectronNative } from './electron-native.mjs';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const electronViteCli = join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js');

const fail = (text) => {
  console.error(`\n${text}\n`);
  process.exit(1);
};

// 1. Electron fetches its binary the first time it is asked for it.
let electronPath;
try {
  electronPath = require('electron');
} catch (error) {
  fail(
    [
      '无法下载 Electron 的运行文件：首次启动需要联网。无法访问 GitHub 时，设置镜像后再试（见 README“使用国内镜像”）：',
      '  Windows（PowerShell）：$env:ELECTRON_MIRROR = "https://npmmirror.com/mirrors/electron/"',
      '  Linux：export ELECTRON_MIRROR=https://npmmirror.com/mirrors/electron/',
      `Could not download Electron's binary: the first start needs the internet (or ELECTRON_MIRROR). ${error instanceof Error ? error.message : error}`,
    ].join('\n'),
  );
}

// 2. better-sqlite3 for Electron, beside (never over) the Node build.
try {
  prepareElectronNative();
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}

// 3. Build and launch.
const vite = spawnSync(process.execPath, [electronViteCli, 'build'], { cwd: root, stdio: 'inherit' });
if (vite.status !== 0) fail('构建失败 / build failed');
const app = spawn(electronPath, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
app.on('close', (code) => process.exit(code ?? 0));
