import { openCore } from '../../open';
import { done, markAt } from './mark';

// Takes a backup; marks as SQLite starts copying the database into the backup's unfinished folder.
const [dataDir = ''] = process.argv.slice(2);
const { router } = openCore({ dataDir, emit: markAt('backup') });
const result = await router.call('backup.create', { jobId: 'backup' });
if (!result.ok) throw new Error(result.error.message);
done();
