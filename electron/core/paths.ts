import { statfsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

// One folder name on every system, ASCII so that it is easy to type in a terminal.
export const dataFolderName = 'CadreTrainingDesk';
export const databaseFileName = 'cadre.sqlite3';

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

// --data-dir DIR (or --data-dir=DIR) wins, then CADRE_DATA_DIR, then the default.
export const resolveDataDir = (argv: readonly string[], env: Env = process.env): string => {
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--data-dir' && argv[i + 1]) return resolve(argv[i + 1] ?? '');
    if (arg?.startsWith('--data-dir=')) return resolve(arg.slice('--data-dir='.length));
  }
  const fromEnv = env['CADRE_DATA_DIR'];
  return fromEnv ? resolve(fromEnv) : defaultDataDir(process.platform, env);
};

// File systems a database must not live on: SQLite's locking is unreliable over the network, and a
// dropped connection mid-write is how databases get damaged. (statfs magic numbers, Linux/macOS.)
const networkFileSystems = new Set([
  0x6969 /* NFS */, 0x517b /* SMB */, 0xff534d42 /* CIFS */, 0xfe534d42 /* SMB2 */, 0x65735546 /* FUSE, e.g. sshfs */,
  0x564c /* NCP */,
]);

export const isNetworkLocation = (dir: string, platform: NodeJS.Platform = process.platform): boolean => {
  // \\server\share and //server/share: a Windows network path.
  if (/^(\\\\|\/\/)[^\\/]+[\\/]/.test(dir)) return true;
  if (platform === 'win32') return false;
  try {
    return networkFileSystems.has(statfsSync(dir).type);
  } catch {
    return false;
  }
};
