import { lstatSync } from 'node:fs';
import { removeInside } from './contain';

// The data folder's scratch folders: what nobody needs once the run that wrote them is over.
// incoming/: files dropped on the window (their grants die with the run); open/: copies of reports
// handed to Word or a PDF reader; tmp/: the scratch of long jobs.
export const scratchFolders = { incoming: 'incoming', open: 'open', tmp: 'tmp' } as const;

// At start, before anything is written: what an earlier run left goes. Another process using this
// data folder right now (the app, while the command line runs) keeps its own: the caller checks.
export const sweepScratchFolders = (dataDir: string): string[] => {
  const swept: string[] = [];
  for (const name of Object.values(scratchFolders)) {
    if (lstatSync(`${dataDir}/${name}`, { throwIfNoEntry: false }) === undefined) continue;
    try {
      removeInside(dataDir, [name]);
      swept.push(name);
    } catch {
      // A copy still open in Word on Windows cannot be removed: it goes at a later start.
    }
  }
  return swept;
};
