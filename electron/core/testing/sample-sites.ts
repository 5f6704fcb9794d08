import { eachTest } from './each-test';
import { value } from './expect-result';
import { openTempCore, type TempCore } from './temp-core';

// The sample's data folder, fresh for each test of a file: its teaching bases and points (辽源's two
// bases and thirteen points, their travel times and the classes' days there) are what the sites
// tests read and change.
export const eachSampleFolder = (set: (t: TempCore) => void): void => {
  eachTest(
    async () => {
      const t = openTempCore();
      value(await t.router.call('app.loadSample', {}));
      return { t };
    },
    ({ t }) => set(t),
  );
};

// A point of the tree found by part of its name (0 when none is).
export const pointIdOf = async (t: TempCore, search: string): Promise<number> =>
  value(await t.router.call('sites.tree', { search }))
    .bases.flatMap((b) => b.points)
    .find((p) => p.name.includes(search))?.id ?? 0;
