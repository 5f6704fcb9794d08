import { randomBytes } from 'node:crypto';
import { storeFile } from '../../files/store';
import { writeTransaction } from '../../jobs/job';
import { openCore } from '../../open';
import { done, mark } from './mark';

// Stores one file of a report's size (a scanned one: 24 MB) with its row, in one transaction, as a
// report upload will; marks just before.
const [dataDir = ''] = process.argv.slice(2);
const { core } = openCore({ dataDir });
const bytes = randomBytes(24 * 1024 * 1024);
mark();
writeTransaction(core, 'test.storeFile', () => storeFile(core, bytes, '调研报告.pdf'));
done();
