import { execFileSync } from 'node:child_process';
import { readFileSync, statfsSync } from 'node:fs';
import { homedir } from 'node:os';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { baseFolder, removeInside, writeFileAtomic } from './files/contain';

// One folder name on every system, ASCII so that it is easy to type in a terminal.
export const dataFolderName = 'CadreTrainingDesk';

type Env = Readonly<Record<string, string | undefined>>;

// Where the app and the CLI keep the data when nobody says otherwise: the per-user application-data
// folder that Electron's app.getPath('appData') also points at.
export const defaultDataDir = (
  platform: NodeJS.Platform = process.platform,
  env: Env = process.env,
  home: string = homedir(),
): string => {
  if (platform === 'win32') return join(env['APPDATA'] ?? join(home, 'AppData', 'Roaming'), dataFolderName);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', dataFolderName);
  return join(env['XDG_CONFIG_HOME'] ?? join(home, '.config'), dataFolderName);
};

// Where the data folder was named: on the command line, in the environment, by the person in the app
// (remembered), or nowhere (the default). A remembered folder that fails at start can be forgotten; a
// folder named on the command line is the caller's to fix.
export type DataDirSource = 'argument' | 'environment' | 'saved' | 'default';

// --data-dir DIR (or --data-dir=DIR) wins, then CADRE_DATA_DIR, then the folder the person chose in
// the app (`saved`, the app only), then the default.
export const dataDirOf = (
  argv: readonly string[],
  env: Env = process.env,
  saved?: string,
): { dir: string; source: DataDirSource } => {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) return { dir: resolve(argv[i + 1] ?? ''), source: 'argument' };
    if (arg?.startsWith('--data-dir=')) return { dir: resolve(arg.slice('--data-dir='.length)), source: 'argument' };
  }
  const fromEnv = env['CADRE_DATA_DIR'];
  if (fromEnv) return { dir: resolve(fromEnv), source: 'environment' };
  return saved ? { dir: resolve(saved), source: 'saved' } : { dir: defaultDataDir(process.platform, env), source: 'default' };
};

export const resolveDataDir = (argv: readonly string[], env: Env = process.env, saved?: string): string =>
  dataDirOf(argv, env, saved).dir;

// The folder chosen in the app, remembered outside it (in the app's own settings folder): a file
// that is missing, unreadable or not ours means none.
export const readSavedDataDir = (file: string): string | undefined => {
  try {
    const saved: unknown = JSON.parse(readFileSync(file, 'utf8'));
    const dir = typeof saved === 'object' && saved !== null ? Reflect.get(saved, 'dataDir') : undefined;
    return typeof dir === 'string' && isAbsolute(dir) ? dir : undefined;
  } catch {
    return undefined;
  }
};

export const saveDataDir = (file: string, dir: string): void => {
  baseFolder(dirname(file));
  writeFileAtomic(file, new TextEncoder().encode(JSON.stringify({ dataDir: dir })));
};

// Back to the default folder from the next start on.
export const forgetSavedDataDir = (file: string): void => removeInside(dirname(file), [basename(file)]);

// File systems a database must not live on: SQLite's locking is unreliable over the network, and a
// dropped connection mid-write is how databases get damaged. (statfs magic numbers, Linux/macOS.)
const networkFileSystems = new Set([
  0x6969 /* NFS */, 0x517b /* SMB */, 0xff534d42 /* CIFS */, 0xfe534d42 /* SMB2 */, 0x65735546 /* FUSE, e.g. sshfs */,
  0x564c /* NCP */,
]);

// What Windows calls the drive whose root is given (C:\): 'Network' for a mapped drive (Z:\ standing
// for \\server\share), 'Fixed', 'Removable', …; undefined when it could not be asked.
export type DriveTypeQuery = (root: string) => string | undefined;

const driveTypes = new Map<string, string | undefined>();

// Asked of .NET through PowerShell, which every Windows from 7 on has (2.0 there: hence New-Object, not
// ::new), and whose answer is the enum's name, the same in every display language (fsutil's and net
// use's are translated, and wmic is gone from Windows 11). Once per drive and run: PowerShell takes a
// second to start, and the core's thread waits for it. A machine where PowerShell is blocked (as some
// offices' policies do) or slow to answer gets undefined.
export const windowsDriveType: DriveTypeQuery = (root) => {
  const letter = /^([A-Za-z]):/.exec(root)?.[1]?.toUpperCase();
  if (letter === undefined) return undefined;
  if (driveTypes.has(letter)) return driveTypes.get(letter);
  let type: string | undefined;
  try {
    type = execFileSync(
      'powershell.exe',
      ['-NoProfile', '-NonInteractive', '-Command', `(New-Object System.IO.DriveInfo '${letter}').DriveType`],
      { encoding: 'utf8', timeout: 5000, windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'] },
    ).trim();
  } catch {
    type = undefined;
  }
  driveTypes.set(letter, type);
  return type;
};

export const isNetworkLocation = (
  dir: string,
  platform: NodeJS.Platform = process.platform,
  driveType: DriveTypeQuery = windowsDriveType,
): boolean => {
  // \\server\share and //server/share: a Windows network path.
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(dir)) return true;
  // A drive letter may be a mapped network share: Windows knows. When it cannot be asked, the folder
  // is taken as local: the check guards against a known danger, and refusing every folder on a
  // machine without PowerShell would leave the person no data folder at all.
  if (platform === 'win32') return /^[A-Za-z]:/.test(dir) && driveType(`${dir.slice(0, 2)}\\`) === 'Network';
  try {
    return networkFileSystems.has(statfsSync(dir).type);
  } catch {
    return false;
  }
};
