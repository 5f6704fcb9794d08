import { openCore } from '../../open';
import { value } from '../expect-result';
import { done, mark } from './mark';

// Uploads a folder of reports into class 1 as the reports tab does: staged (read and matched, in the
// parser worker), then committed — files, versions, texts and index in one transaction. Marks just
// before the commit. The authors are given (the roster repeats names, as the confirmation table asks).
const [dataDir = '', folder = ''] = process.argv.slice(2);
const { router, core } = openCore({ dataDir });
const staged = value(await router.call('reports.stage', { classId: 1, folder: core.grants.issue(folder, 'reportFolder') }));
mark();
value(
  await router.call('reports.commit', {
    classId: 1,
    token: staged.token,
    items: staged.files.map((file, index) => ({ key: file.key, enrolmentIds: [index + 1], title: file.title })),
  }),
);
done();
process.exit(0);
