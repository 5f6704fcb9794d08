import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { useErrorText } from '../app/errors';
import { useJob } from './use-job';

// Importing a list from a spreadsheet (teaching points, staff, households): the open dialog, the
// job with its progress bar, then the counts or the refusal that names the row.
export const useTableImport = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, reportFailure } = useErrorText();
  const job = useJob();
  const run = async <T>(start: (grant: string, jobId: string) => Promise<Result<T>>, done: (value: T) => string) => {
    const chosen = await api.files.chooseOpen({ purpose: 'tableImport' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const grant = chosen.value.grant;
    if (!grant) return;
    const result = await job.run(t('importWizard.committing'), (jobId) => start(grant, jobId));
    if (!result.ok) return reportFailure(message, result.error);
    message.success(done(result.value));
  };
  return { run, working: job.working, cancel: job.cancel };
};
