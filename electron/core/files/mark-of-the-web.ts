import { writeFileSync } from 'node:fs';

// A copy of a report the app opens came from outside (a trainee's file, an archive from another
// workstation): Windows marks a downloaded file with the zone it came from, in an alternate data stream
// beside it, and Word, Excel and WPS open a file marked as from the Internet (zone 3) in Protected View,
// macros off. The copy the app writes has no such mark unless it is given one again.
const internetZone = '[ZoneTransfer]\r\nZoneId=3\r\n';

// Marks the file at `path` as from the Internet, on Windows (true); elsewhere there is no such mark
// (false). A volume without alternate streams (FAT32, exFAT: a USB stick) refuses the write, and the
// error is thrown: whether to open the copy unmarked is the caller's decision, not this helper's.
export const markFromInternet = (path: string, platform: NodeJS.Platform = process.platform): boolean => {
  if (platform !== 'win32') return false;
  // NTFS opens `file:stream` as the stream of that name; the file itself is left as it is.
  writeFileSync(`${path}:Zone.Identifier`, internetZone);
  return true;
};
