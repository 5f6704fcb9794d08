import type { AppErrorShape } from '../../shared/errors';
import { message } from '../../shared/i18n/translate';
import type { DataDirSource } from '../core/paths';

// What the person is told when the data folder cannot be opened at start. A folder chosen in the app
// and remembered (M1 of issue 19: another program's database, a folder gone with its USB disk) would
// fail at every start with no way back from the app: the person is offered the default folder, and
// the choice is forgotten. A folder named on the command line or in CADRE_DATA_DIR is the caller's
// to change; a damaged or altered database has had its own dialog (restore, start empty, quit).
export type StartFailure =
  | { kind: 'none' }
  | { kind: 'explain'; title: string; detail: string }
  | { kind: 'offerDefault'; title: string; detail: string; buttons: [useDefault: string, quit: string] };

export const startFailure = (error: AppErrorShape, dataDir: string, source: DataDirSource, fallback: string): StartFailure => {
  if (error.code === 'DATABASE_DAMAGED' || error.code === 'DATABASE_FOREIGN') return { kind: 'none' };
  if (source === 'saved' && dataDir !== fallback)
    return {
      kind: 'offerDefault',
      title: message('desktop.savedFolderFailed'),
      detail: message('desktop.savedFolderDetail', { dir: dataDir, detail: error.message, fallback }),
      buttons: [message('desktop.useDefaultFolder'), message('desktop.quitNow')],
    };
  return {
    kind: 'explain',
    title: message('desktop.cannotOpen'),
    detail: message('desktop.cannotOpenDetail', { dir: dataDir, detail: error.message }),
  };
};
