import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Result } from '../../../shared/result';
import { api } from '../api';
import { useErrorText } from '../app/errors';
import { useJob } from './use-job';

// The counts of an import, and under them the columns of the file it did not read (未导入的列),
// shown longer so that they can be read.
export const useImportedMessage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return (summary: string, ignoredColumns: readonly string[]) => {
    if (ignoredColumns.length === 0) return void message.success(summary);
    void message.success({
      content: (
        <span data-testid="ignored-columns">
          {summary}
          <br />
          {t('tableImport.ignoredColumns', { columns: ignoredColumns.join(t('tableImport.listSeparator')) })}
        </span>
      ),
      duration: 10,
    });
  };
};

// Importing a list from a spreadsheet (teaching points, staff, households): the open dialog, the
// job with its progress bar, then the counts (and the columns not imported) or the refusal that
// names the row.
export const useTableImport = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, reportFailure } = useErrorText();
  const job = useJob();
  const imported = useImportedMessage();
  const run = async <T extends { ignoredColumns: string[] }>(
    start: (grant: string, jobId: string) => Promise<Result<T>>,
    done: (value: T) => string,
  ) => {
    const chosen = await api.files.chooseOpen({ purpose: 'tableImport' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const grant = chosen.value.grant;
    if (!grant) return;
    const result = await job.run(t('importWizard.committing'), (jobId) => start(grant, jobId));
    if (!result.ok) return reportFailure(message, result.error);
    imported(done(result.value), result.value.ignoredColumns);
  };
  return { run, working: job.working, cancel: job.cancel };
};
