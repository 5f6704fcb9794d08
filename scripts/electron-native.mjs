// Builds better-sqlite3 for Electron into .electron-native/better_sqlite3.node.
//
// node_modules/better-sqlite3 keeps its Node build (tests, CLI); the app loads this second build
// through better-sqlite3's `nativeBinding` option. The build happens in a copy of the package, so
// nothing here can touch — or delete — the Node build, as electron-rebuild and
// `electron-builder install-app-deps` do on machines without Electron's headers.
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '..');
const require = createRequire(join(root, 'package.json'));
const outDir = join(root, '.electron-native');
const outFile = join(outDir, 'better_sqlite3.node');

const versionOf = (pkg) => JSON.parse(readFileSync(require.resolve(`${pkg}/package.json`), 'utf8')).version;

// npm passes its own configuration down as npm_config_*; nodedir (set on our machines) would make
// node-gyp build against Node's headers instead of Electron's.
const cleanEnv = () =>
  Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^npm_config_(nodedir|target|runtime|disturl|dist_url|arch)$/i.test(key)),
  );

const run = (command, args, cwd) => spawnSync(command, args, { cwd, env: cleanEnv(), stdio: 'inherit' }).status === 0;

export const prepareElectronNative = ({ platform = process.platform, arch = process.arch } = {}) => {
  const stamp = { electron: versionOf('electron'), betterSqlite3: versionOf('better-sqlite3'), platform, arch };
  const stampFile = join(outDir, 'stamp.json');
  if (existsSync(outFile) && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === JSON.stringify(stamp)) return outFile;

  console.log(`正在为 Electron ${stamp.electron} 准备 better-sqlite3 ${stamp.betterSqlite3}（${platform}-${arch}）…`);
  const source = dirname(require.resolve('better-sqlite3/package.json'));
  const work = join(outDir, 'build-src');
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  for (const part of ['package.json', 'binding.gyp', 'src', 'deps', 'lib'])
    cpSync(join(source, part), join(work, part), { recursive: true });

  try {
    buildIn(work, source, stamp, platform, arch);
    copyFileSync(join(work, 'build', 'Release', 'better_sqlite3.node'), outFile);
    writeFileSync(stampFile, JSON.stringify(stamp));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  return outFile;
};

const buildIn = (work, source, stamp, platform, arch) => {
  const sourceRequire = createRequire(join(source, 'package.json'));
  const prebuildInstall = sourceRequire.resolve('prebuild-install/bin.js');
  const target = ['--runtime', 'electron', '--target', stamp.electron, '--arch', arch, '--platform', platform];
  // A published prebuild first; compiling against Electron's headers if there is none.
  const fetched = run(process.execPath, [prebuildInstall, ...target], work);
  if (!fetched) {
    const nodeGyp = process.env.npm_config_node_gyp ?? require.resolve('node-gyp/bin/node-gyp.js');
    const built = run(
      process.execPath,
      [
        nodeGyp,
        'rebuild',
        '--release',
        `--target=${stamp.electron}`,
        `--arch=${arch}`,
        '--runtime=electron',
        '--dist-url=https://electronjs.org/headers',
      ],
      work,
    );
    if (!built)
      throw new Error(
        [
          '无法为 Electron 构建 better-sqlite3：需要联网下载预编译驱动，或者本机有 C++ 编译工具和 Electron 头文件。',
          '无法访问 GitHub 时，可在用户目录的 .npmrc 中加入一行（见 README“使用国内镜像”）：',
          '  better_sqlite3_binary_host_mirror=https://registry.npmmirror.com/-/binary/better-sqlite3',
          'Could not build better-sqlite3 for Electron: set better_sqlite3_binary_host_mirror to a reachable mirror (see the README).',
        ].join('\n'),
      );
  }
};

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) prepareElectronNative();
