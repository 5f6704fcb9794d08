import { performance } from 'node:perf_hooks';
import { value } from '../electron/core/testing/expect-result';
import { standardRoster } from '../electron/core/testing/roster-files';
import { openTempCore } from '../electron/core/testing/temp-core';
for (let i = 0; i < 4; i++) {
  const t = openTempCore();
  if (process.env.CACHE) t.core.db.pragma(`cache_size = ${process.env.CACHE}`);
  if (process.env.SYNC) t.core.db.pragma(`synchronous = ${process.env.SYNC}`);
  const classId = value(
    await t.router.call('classes.create', { name: '2019年市管干部培训班', startDate: '2019-06-03', endDate: '2019-06-14' }),
  ).id;
  const file = standardRoster(t.dir, 10_000, 'r.xlsx');
  const preview = value(await t.router.call('roster.importPreview', { classId, path: file }));
  const s = performance.now();
  value(await t.router.call('roster.importCommit', { classId, path: file, token: preview.token }));
  console.log('commit', (performance.now() - s).toFixed(0));
  t.dispose();
}
