import { openCore } from '../../open';
import { done, markAt } from './mark';

// Restores the one backup of the data folder; marks once the safety backup is taken, as the restore
// starts making the backup's database ready beside the live one.
const [dataDir = '', backup = ''] = process.argv.slice(2);
const { router } = openCore({ dataDir, emit: markAt('restore', 0) });
const result = await router.call('backup.restore', { backup, jobId: 'restore' });
if (!result.ok) throw new Error(result.error.message);
done();
