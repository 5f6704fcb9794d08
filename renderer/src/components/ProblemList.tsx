import { CopyOutlined, DownloadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ListedProblem, ProblemSource } from '../../../shared/files/import-preview';
import { api } from '../api';
import { useErrorText } from '../app/errors';
import { problemListFileName } from './problem-list-name';
import { useJob } from './use-job';

// A problem as a list shows it; a roster's may be only a warning (imported all the same).
export type ShownProblem = ListedProblem & { severity?: 'error' | 'warning' };

// "第 9 行（朴成浩）：F列：身份证号已被 Excel 转成数字" — one line a problem. The column is said only when
// the problem's own words do not already name it (the list imports' messages do: “容纳人数”应为数字).
export const problemLine = (t: TFunction, problem: ListedProblem): string => {
  const text =
    problem.column !== '' && !problem.message.includes(problem.column)
      ? t('importProblems.columnText', { column: problem.column, message: problem.message })
      : problem.message;
  return problem.who !== ''
    ? t('importProblems.line', { row: problem.row, who: problem.who, text })
    : t('importProblems.lineAnon', { row: problem.row, text });
};

// The whole list as plain text, the file's name first: what a person pastes into a message to 组织部.
export const problemsText = (t: TFunction, fileName: string, problems: readonly ListedProblem[]): string =>
  [t('importProblems.copyHeader', { file: fileName, count: problems.length }), ...problems.map((p) => problemLine(t, p))].join(
    '\n',
  );

// Copies through the clipboard API where the page may use it, else through a selected text area: the
// app's window grants no permission (the API is refused there), and a copy the person clicked needs
// none. The area sits beside the button, inside the dialog that holds the focus.
const copyText = async (text: string, near: HTMLElement): Promise<boolean> => {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    near.appendChild(area);
    area.select();
    try {
      return document.execCommand('copy');
    } finally {
      area.remove();
    }
  }
};

// Every problem an import found, on screen until the dialog is closed: row, who, column, what is wrong;
// copied as text or exported as a spreadsheet to send back with the file.
export const ProblemList = ({
  source,
  fileName,
  problems,
  whoLabel,
}: {
  source: ProblemSource;
  fileName: string;
  problems: readonly ShownProblem[];
  // What the rows' names are (姓名, 户主, 教学点名称); 姓名 unless said.
  whoLabel?: string;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, reportFailure } = useErrorText();
  const job = useJob();
  const severities = problems.some((p) => p.severity !== undefined);

  const copy = async (near: HTMLElement) => {
    if (await copyText(problemsText(t, fileName, problems), near))
      message.success(t('importProblems.copied', { count: problems.length }));
    else message.error(t('importProblems.copyFailed'));
  };

  const exportList = async () => {
    const defaultName = problemListFileName(t, fileName);
    const chosen = await api.files.chooseSave({ purpose: 'export', defaultName, format: 'xlsx' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const grant = chosen.value.grant;
    if (!grant) return;
    const result = await job.run(t('exportDialog.working'), (jobId) =>
      api.documents.exportProblems({
        grant,
        jobId,
        source,
        fileName,
        problems: problems.map(({ row, who, column, message: text }) => ({ row, who, column, message: text })),
      }),
    );
    if (!result.ok) return reportFailure(message, result.error);
    message.success(t('importProblems.exported', { path: result.value.path }));
  };

  return (
    <Flex vertical gap={8} data-testid="problem-list">
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('importProblems.title', { count: problems.length })}
        </Typography.Title>
        <Flex gap={8}>
          <Button
            size="small"
            icon={<CopyOutlined />}
            onClick={(event) => void copy(event.currentTarget.parentElement ?? document.body)}
          >
            {t('importProblems.copy')}
          </Button>
          <Button size="small" icon={<DownloadOutlined />} loading={job.working !== undefined} onClick={() => void exportList()}>
            {t('importProblems.export')}
          </Button>
        </Flex>
      </Flex>
      <Table<ShownProblem>
        size="small"
        rowKey={(p) => `${p.row}-${p.column}-${p.message}-${p.severity ?? ''}`}
        pagination={false}
        virtual
        scroll={{ y: 240 }}
        dataSource={[...problems]}
        data-testid="import-problems"
        columns={[
          { key: 'row', title: t('importProblems.row'), dataIndex: 'row', width: 64 },
          { key: 'who', title: whoLabel ?? t('importProblems.who'), dataIndex: 'who', width: 120, ellipsis: true },
          { key: 'column', title: t('importProblems.column'), dataIndex: 'column', width: 110, ellipsis: true },
          ...(severities
            ? [
                {
                  key: 'severity',
                  title: '',
                  width: 80,
                  render: (_: unknown, p: ShownProblem) =>
                    p.severity && <Tag color={p.severity === 'error' ? 'red' : 'gold'}>{t(`importWizard.${p.severity}`)}</Tag>,
                },
              ]
            : []),
          { key: 'message', title: t('importProblems.problem'), dataIndex: 'message' },
        ]}
      />
    </Flex>
  );
};
