import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openCore, openCoreOrRecover } from '../open';
import { databaseFileName } from './file-name';
import { type Damaged, noDialogs, noPrinting, type RecoveryChoice } from '../platform';
import { tamper, tampering } from '../testing/crafted-database';
import { value } from '../testing/expect-result';
import { makeTempDir } from '../testing/temp-core';

// Issue 19, H3 at start: the data folder's own database, altered since the program wrote it (a trigger
// copying each new 身份证号 into 职务), is neither opened nor written to; it is set aside, like a damaged
// one, and the person is offered the newest good backup — in words that say it was altered.

let folder: { dir: string; remove: () => void };
beforeEach(() => {
  folder = makeTempDir('cadre-altered-');
});
afterEach(() => folder.remove());

const startWith = (choose: RecoveryChoice) => {
  const asked: Damaged[] = [];
  const opening = openCoreOrRecover({
    dataDir: folder.dir,
    platform: {
      ...noDialogs,
      ...noPrinting,
      confirmRecovery: async (damaged) => {
        asked.push(damaged);
        return choose;
      },
    },
  });
  return { opening, asked };
};

describe('a data folder whose database was altered', () => {
  it('is set aside at start, the newest backup offered and restored; the altered file kept aside, unopened', async () => {
    const first = openCore({ dataDir: folder.dir });
    value(await first.router.call('app.loadSample', {}));
    value(await first.router.call('backup.create', {}));
    first.close();
    tamper(join(folder.dir, databaseFileName), tampering.idIntoPosition);

    const { opening, asked } = startWith('restore');
    const opened = await opening;
    try {
      expect(asked).toHaveLength(1);
      expect(asked[0]).toMatchObject({ altered: true });
      expect(asked[0]?.detail).toContain('多出触发器“trainees_normalise”');
      expect(asked[0]?.latest).toBeDefined();
      // The restored data, and the altered file aside under the name the dialog gave.
      expect(value(await opened.router.call('classes.list', {})).items).toHaveLength(3);
      expect(readdirSync(asked[0]?.aside ?? '')).toContain(databaseFileName);
    } finally {
      opened.close();
    }
  });

  it('is put back as it was when the person quits: the next start asks again', async () => {
    openCore({ dataDir: folder.dir }).close();
    tamper(join(folder.dir, databaseFileName), tampering.auditErased);
    const { opening, asked } = startWith('quit');
    await expect(opening).rejects.toMatchObject({ code: 'DATABASE_FOREIGN' });
    expect(asked).toHaveLength(1);
    expect(readdirSync(folder.dir)).toContain(databaseFileName);
    expect(() => openCore({ dataDir: folder.dir })).toThrow(/已被改动/);
  });
});
