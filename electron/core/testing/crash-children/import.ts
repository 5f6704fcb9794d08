import { openCore } from '../../open';

// Imports a roster file into a class, as one transaction; killed at a random moment by the test.
const [dataDir = '', file = '', classId = '1'] = process.argv.slice(2);
const { router } = openCore({ dataDir });
process.stdout.write('ready\n');
const preview = await router.call('roster.importPreview', { classId: Number(classId), path: file });
if (!preview.ok) throw new Error(preview.error.message);
const result = await router.call('roster.importCommit', { classId: Number(classId), path: file, token: preview.value.token });
if (!result.ok) throw new Error(result.error.message);
process.stdout.write('done\n');
