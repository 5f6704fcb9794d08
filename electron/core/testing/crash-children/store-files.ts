import { randomBytes } from 'node:crypto';
import { storeFile } from '../../files/store';
import { writeTransaction } from '../../jobs/job';
import { openCore } from '../../open';

// Stores files one after another, each with its row in one transaction, as a report upload will.
const [dataDir = '', count = '40'] = process.argv.slice(2);
const { core } = openCore({ dataDir });
process.stdout.write('ready\n');
for (let i = 0; i < Number(count); i += 1) {
  const bytes = randomBytes(64 * 1024);
  writeTransaction(core, 'test.storeFile', () => storeFile(core, bytes, `调研报告-${i}.docx`));
}
process.stdout.write('done\n');
