import { Alert, Button, Descriptions, Flex, Modal, Result as Outcome, Table, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemSource, RowChange, TablePreview } from '../../../shared/files/import-preview';
import type { Result } from '../../../shared/result';
import { useErrorText } from '../app/errors';
import { ImportCounts } from './ImportCounts';
import { IgnoredColumns } from './IgnoredColumns';
import { JobProgressBar } from './JobProgressBar';
import { ProblemList } from './ProblemList';
import { useJob } from './use-job';

// What a commit came to, in words: the counts, the columns not imported, and what the page does next.
export type Committed = { summary: string; ignoredColumns: string[]; after: () => void };

type Step =
  | { kind: 'working' }
  | { kind: 'failed'; text: string }
  | { kind: 'preview'; preview: TablePreview; refused?: string }
  | { kind: 'done'; committed: Committed };

const counts = ['added', 'updated', 'unchanged'] as const;

// The one preview every list import shows (as the roster wizard does): the file checked with nothing
// written, every problem named with its row and who (copied or exported to send back), each saved
// record the file would change, field by field, and the commit of that same file. It stays until closed.
export const TableImportDialog = ({
  source,
  title,
  whoLabel,
  preview,
  commit,
  onClose,
}: {
  source: ProblemSource;
  title: string;
  whoLabel?: string | undefined;
  preview: (jobId: string) => Promise<Result<TablePreview>>;
  commit: (token: string, jobId: string) => Promise<Result<Committed>>;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const job = useJob();
  const [step, setStep] = useState<Step>({ kind: 'working' });
  const started = useRef(false);

  useEffect(() => {
    // Once per chosen file (React's development double effect would read it twice).
    if (started.current) return;
    started.current = true;
    void (async () => {
      const result = await job.run(t('importWizard.reading'), preview);
      if (result.ok) setStep({ kind: 'preview', preview: result.value });
      else setStep({ kind: 'failed', text: result.error.code === 'CANCELLED' ? t('job.cancelled') : errorText(result.error) });
    })();
  });

  const run = async (checked: TablePreview) => {
    setStep({ kind: 'working' });
    const result = await job.run(t('importWizard.committing'), (jobId) => commit(checked.token, jobId));
    if (!result.ok) {
      setStep({ kind: 'preview', preview: checked, refused: errorText(result.error) });
      return;
    }
    setStep({ kind: 'done', committed: result.value });
  };

  const close = () => {
    onClose();
    if (step.kind === 'done') step.committed.after();
  };

  const footer =
    step.kind === 'preview' ? (
      [
        <Button key="cancel" onClick={close}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="commit"
          type="primary"
          onClick={() => void run(step.preview)}
          disabled={step.preview.problems.length > 0 || step.preview.counts.added + step.preview.counts.updated === 0}
        >
          {t('importWizard.commit')}
        </Button>,
      ]
    ) : step.kind === 'working' ? null : (
      <Button type="primary" onClick={close}>
        {t('importWizard.close')}
      </Button>
    );

  return (
    <Modal
      open
      title={title}
      onCancel={close}
      footer={footer}
      width={960}
      destroyOnHidden
      maskClosable={false}
      keyboard={step.kind !== 'working'}
      closable={step.kind !== 'working'}
    >
      <div data-testid="table-import">
        {step.kind === 'working' && job.working && (
          <div style={{ padding: '48px 24px' }}>
            <JobProgressBar working={job.working} onCancel={job.cancel} />
          </div>
        )}
        {step.kind === 'failed' && <Alert type="error" showIcon title={step.text} data-testid="import-error" />}
        {step.kind === 'preview' && <PreviewView source={source} whoLabel={whoLabel} step={step} />}
        {step.kind === 'done' && (
          <Outcome
            status="success"
            title={t('importWizard.doneTitle')}
            subTitle={<span data-testid="import-done">{step.committed.summary}</span>}
            extra={<IgnoredColumns columns={step.committed.ignoredColumns} />}
          />
        )}
      </div>
    </Modal>
  );
};

const PreviewView = ({
  source,
  whoLabel,
  step,
}: {
  source: ProblemSource;
  whoLabel?: string | undefined;
  step: { preview: TablePreview; refused?: string };
}) => {
  const { t } = useTranslation();
  const { preview } = step;
  const blank = (value: string) => (value === '' ? t('tableImport.blank') : value);
  return (
    <Flex vertical gap={16} data-testid="import-preview">
      {step.refused && <Alert type="error" showIcon title={step.refused} data-testid="import-error" />}
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('importWizard.file')}>{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('importWizard.sheet')}>{preview.sheet}</Descriptions.Item>
        <Descriptions.Item label={t('tableImport.dataRows')}>{preview.dataRows}</Descriptions.Item>
      </Descriptions>
      {preview.problems.length > 0 ? (
        <Alert
          type="error"
          showIcon
          title={t('tableImport.problemsFound', { count: preview.problems.length })}
          data-testid="import-refused"
        />
      ) : (
        <ImportCounts keys={counts} counts={preview.counts} />
      )}
      <IgnoredColumns columns={preview.ignoredColumns} />
      {preview.problems.length > 0 && (
        <ProblemList source={source} fileName={preview.fileName} problems={preview.problems} whoLabel={whoLabel} />
      )}
      {preview.changes.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('tableImport.changes', { count: preview.changes.length })}</Typography.Title>
          <Table<RowChange>
            size="small"
            rowKey="row"
            pagination={false}
            scroll={{ y: 240 }}
            dataSource={preview.changes}
            data-testid="import-changes"
            columns={[
              { key: 'row', title: t('importProblems.row'), dataIndex: 'row', width: 64 },
              { key: 'who', title: whoLabel ?? t('importProblems.who'), dataIndex: 'who', width: 160, ellipsis: true },
              {
                key: 'fields',
                title: t('tableImport.changed'),
                render: (_: unknown, change: RowChange) => (
                  <Flex vertical>
                    {change.fields.map((field) => (
                      <span key={field.column}>
                        {t('tableImport.change', {
                          column: field.column,
                          before: blank(field.before),
                          after: blank(field.after),
                        })}
                      </span>
                    ))}
                  </Flex>
                ),
              },
            ]}
          />
        </div>
      )}
      <Alert type="info" showIcon title={t('tableImport.allOrNothing')} />
    </Flex>
  );
};
