import { randomBytes } from 'node:crypto';
import { lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { removeEmptyInside, removeInside } from './contain';

// The data folder's scratch folders: what nobody needs once the run that wrote them is over.
// incoming/: files dropped on the window (their grants die with the run); open/: copies of reports
// handed to Word or a PDF reader; tmp/: the scratch of long jobs.
export const scratchFolders = { incoming: 'incoming', open: 'open', tmp: 'tmp' } as const;

// The names the app gives what it puts there. A sweep removes only these: a data folder chosen in an
// ordinary folder of the person's (D:\ itself) may hold a tmp\ or an open\ of theirs, with their files.
const ownNames: Record<keyof typeof scratchFolders, RegExp> = {
  incoming: /^\d{10,16}-[0-9a-f]{12}$/,
  open: /^[0-9a-f]{64}$/,
  tmp: /^[a-z][a-z-]*-[0-9a-f]{12}$/,
};

// A name of the app's own for a scratch folder of a job in tmp/ ("folder-check-3fa9…").
export const tmpName = (job: string): string => `${job}-${randomBytes(6).toString('hex')}`;

// A drop's folder in incoming/: when it was made (the sweep of a running app clears those a day old).
export const incomingName = (now: Date): string => `${now.getTime()}-${randomBytes(6).toString('hex')}`;

export const isOwnScratch = (folder: keyof typeof scratchFolders, name: string): boolean => ownNames[folder].test(name);

const entriesOf = (dir: string): string[] => {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
};

// At start, before anything is written: what an earlier run left goes — the app's own names only,
// then the scratch folder itself if nothing else is in it. Another process using this data folder
// right now (the app, while the command line runs) keeps its own: the caller checks.
export const sweepScratchFolders = (dataDir: string): number => {
  let swept = 0;
  for (const [key, name] of Object.entries(scratchFolders) as [keyof typeof scratchFolders, string][]) {
    const folder = join(dataDir, name);
    const stat = lstatSync(folder, { throwIfNoEntry: false });
    if (stat === undefined || stat.isSymbolicLink() || !stat.isDirectory()) continue;
    for (const entry of entriesOf(folder)) {
      if (!isOwnScratch(key, entry)) continue;
      try {
        removeInside(dataDir, [name, entry]);
        swept += 1;
      } catch {
        // A copy still open in Word on Windows cannot be removed: it goes at a later start.
      }
    }
    try {
      if (entriesOf(folder).length === 0) removeEmptyInside(dataDir, [name]);
    } catch {
      // In use, or not empty after all: left for the next start.
    }
  }
  return swept;
};
