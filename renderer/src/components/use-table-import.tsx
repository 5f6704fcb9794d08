import { App } from 'antd';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemSource, TablePreview } from '../../../shared/files/import-preview';
import { ok, type Result } from '../../../shared/result';
import { api } from '../api';
import { useErrorText } from '../app/errors';
import { type Committed, TableImportDialog } from './TableImportDialog';

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

export type TableImportConfig<T extends { ignoredColumns: string[] }> = {
  source: ProblemSource;
  title: string;
  // What the rows' names are in the problem list (户主, 教学点名称); 姓名 unless said.
  whoLabel?: string;
  preview: (grant: string, jobId: string) => Promise<Result<TablePreview>>;
  commit: (grant: string, token: string, jobId: string) => Promise<Result<T>>;
  // The counts, said as the page says them.
  done: (value: T) => string;
  // What the page does next with the result (a base left empty offered for removal).
  after?: (value: T) => void;
};

// Importing a list from a spreadsheet (teaching points, staff, households, questionnaires): the open
// dialog, then the preview — every problem with its row and who, what each update changes — kept on
// screen until closed; the commit of the previewed file; the counts (and the columns not imported).
// The page renders `dialog`.
export const useTableImport = () => {
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [dialog, setDialog] = useState<ReactNode>();
  const run = async <T extends { ignoredColumns: string[] }>(config: TableImportConfig<T>) => {
    const chosen = await api.files.chooseOpen({ purpose: 'tableImport' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const grant = chosen.value.grant;
    if (!grant) return;
    // The result's type stays here: the dialog needs only its words and what follows.
    const commit = async (token: string, jobId: string): Promise<Result<Committed>> => {
      const result = await config.commit(grant, token, jobId);
      if (!result.ok) return result;
      return ok({
        summary: config.done(result.value),
        ignoredColumns: result.value.ignoredColumns,
        after: () => config.after?.(result.value),
      });
    };
    setDialog(
      <TableImportDialog
        key={grant}
        source={config.source}
        title={config.title}
        whoLabel={config.whoLabel}
        preview={(jobId) => config.preview(grant, jobId)}
        commit={commit}
        onClose={() => setDialog(undefined)}
      />,
    );
  };
  return { run, dialog };
};
