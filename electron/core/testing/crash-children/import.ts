import { openCore } from '../../open';
import { done, markAt } from './mark';

// Imports a roster file into a class, as one transaction; marks as the transaction begins.
const [dataDir = '', file = '', classId = '1'] = process.argv.slice(2);
const { core, router } = openCore({ dataDir, emit: markAt('write', 0) });
const grant = core.grants.issue(file, 'rosterImport');
const preview = await router.call('roster.importPreview', { classId: Number(classId), grant });
if (!preview.ok) throw new Error(preview.error.message);
const result = await router.call('roster.importCommit', {
  classId: Number(classId),
  grant,
  token: preview.value.token,
  jobId: 'import',
});
if (!result.ok) throw new Error(result.error.message);
done();
