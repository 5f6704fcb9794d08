import { openCore } from '../../open';

// Imports a roster file into a class, as one transaction; killed at a random moment by the test.
const [dataDir = '', file = '', classId = '1'] = process.argv.slice(2);
const { core, router } = openCore({ dataDir });
const grant = core.grants.issue(file, 'rosterImport');
process.stdout.write('ready\n');
const preview = await router.call('roster.importPreview', { classId: Number(classId), grant });
if (!preview.ok) throw new Error(preview.error.message);
const result = await router.call('roster.importCommit', { classId: Number(classId), grant, token: preview.value.token });
if (!result.ok) throw new Error(result.error.message);
process.stdout.write('done\n');
