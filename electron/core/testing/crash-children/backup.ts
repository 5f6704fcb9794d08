import { openCore } from '../../open';

const [dataDir = ''] = process.argv.slice(2);
const { router } = openCore({ dataDir });
process.stdout.write('ready\n');
const result = await router.call('backup.create', {});
if (!result.ok) throw new Error(result.error.message);
process.stdout.write('done\n');
