import { FileExcelOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Descriptions,
  InputNumber,
  Modal,
  Result,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ImportField, importFields, type ImportPreview, type ImportResult } from '../../../../shared/roster/import';
import { personFieldKey } from '../../../../shared/trainees/schemas';
import { api } from '../../api';
import { IgnoredColumns } from '../../components/IgnoredColumns';
import { ImportCounts } from '../../components/ImportCounts';
import { ProblemList } from '../../components/ProblemList';
import { useErrorText } from '../../app/errors';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useJob } from '../../components/use-job';

type Step =
  | { kind: 'choose' }
  | { kind: 'working' }
  | { kind: 'preview'; grant: string; preview: ImportPreview }
  | { kind: 'done'; result: ImportResult; preview: ImportPreview };

type Settings = {
  sheet?: string;
  headerRow?: number;
  mapping?: { column: number; field: ImportField | null }[];
  // A 工作单位及职务 column is split unless the person turns it off.
  splitUnitPosition?: boolean;
};

const counts = ['added', 'updated', 'unchanged', 'rejected'] as const;

// Choose a file, check it (header, columns, every row's problems), adjust, then commit in one go.
export const ImportWizard = ({ classId, onClose }: { classId: number; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, reportFailure } = useErrorText();
  const [step, setStep] = useState<Step>({ kind: 'choose' });
  const [settings, setSettings] = useState<Settings>({});
  const [problem, setProblem] = useState<{ type: 'error' | 'info'; text: string }>();
  const job = useJob();

  const analyse = async (grant: string, next: Settings) => {
    setProblem(undefined);
    setStep({ kind: 'working' });
    const result = await job.run(t('importWizard.reading'), (jobId) =>
      api.roster.importPreview({ classId, grant, jobId, ...next }),
    );
    if (!result.ok) {
      setProblem(
        result.error.code === 'CANCELLED'
          ? { type: 'info', text: t('job.cancelled') }
          : { type: 'error', text: errorText(result.error) },
      );
      setStep({ kind: 'choose' });
      return;
    }
    setSettings({
      sheet: result.value.sheet,
      headerRow: result.value.headerRow,
      mapping: result.value.columns.map((c) => ({ column: c.column, field: c.field })),
      ...(result.value.unitPosition ? { splitUnitPosition: result.value.unitPosition.split } : {}),
    });
    setStep({ kind: 'preview', grant, preview: result.value });
  };

  const choose = async () => {
    const chosen = await api.files.chooseOpen({ purpose: 'rosterImport' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    if (chosen.value.grant) await analyse(chosen.value.grant, {});
  };

  const commit = async (grant: string, preview: ImportPreview) => {
    setStep({ kind: 'working' });
    const result = await job.run(t('importWizard.committing'), (jobId) =>
      api.roster.importCommit({ classId, grant, jobId, token: preview.token, ...settings }),
    );
    if (!result.ok) {
      reportFailure(message, result.error);
      setStep({ kind: 'preview', grant, preview });
      return;
    }
    setStep({ kind: 'done', result: result.value, preview });
  };

  const footer =
    step.kind === 'preview'
      ? [
          <Button key="cancel" onClick={onClose}>
            {t('common.cancel')}
          </Button>,
          <Button
            key="commit"
            type="primary"
            onClick={() => void commit(step.grant, step.preview)}
            disabled={step.preview.counts.added + step.preview.counts.updated === 0}
          >
            {t('importWizard.commit')}
          </Button>,
        ]
      : step.kind === 'done'
        ? [
            <Button key="again" onClick={() => setStep({ kind: 'choose' })}>
              {t('importWizard.again')}
            </Button>,
            <Button key="close" type="primary" onClick={onClose}>
              {t('importWizard.close')}
            </Button>,
          ]
        : null;

  return (
    <Modal
      open
      title={t('importWizard.title')}
      onCancel={onClose}
      footer={footer}
      width={1000}
      destroyOnHidden
      maskClosable={false}
      keyboard={step.kind !== 'working'}
      closable={step.kind !== 'working'}
    >
      {step.kind === 'choose' && (
        <Space orientation="vertical" size={16} style={{ width: '100%', padding: '24px 0' }}>
          {problem && <Alert type={problem.type} showIcon title={problem.text} data-testid="import-error" />}
          <Typography.Paragraph type="secondary">{t('importWizard.chooseHint')}</Typography.Paragraph>
          <Button type="primary" size="large" icon={<FileExcelOutlined />} onClick={() => void choose()}>
            {t('importWizard.choose')}
          </Button>
        </Space>
      )}
      {step.kind === 'working' && job.working && (
        <div style={{ padding: '48px 24px' }}>
          <JobProgressBar working={job.working} onCancel={job.cancel} />
        </div>
      )}
      {step.kind === 'preview' && (
        <PreviewView
          step={step}
          settings={settings}
          setSettings={setSettings}
          reanalyse={() => void analyse(step.grant, settings)}
          resplit={(split) => void analyse(step.grant, { ...settings, splitUnitPosition: split })}
        />
      )}
      {step.kind === 'done' && (
        <Result
          status={step.result.counts.rejected > 0 ? 'warning' : 'success'}
          title={t('importWizard.doneTitle')}
          subTitle={t('importWizard.done', step.result.counts)}
          extra={
            step.result.rejected.length > 0 && (
              <div style={{ textAlign: 'left' }} data-testid="import-rejected">
                {/* The refused rows' problems as the preview listed them (the file is the one previewed:
                    a changed file is refused by its token), each under its column. */}
                <ProblemList
                  source="roster"
                  fileName={step.preview.fileName}
                  problems={step.preview.problems.filter((problem) => problem.severity === 'error')}
                />
              </div>
            )
          }
        />
      )}
    </Modal>
  );
};

const PreviewView = ({
  step,
  settings,
  setSettings,
  reanalyse,
  resplit,
}: {
  step: { grant: string; preview: ImportPreview };
  settings: Settings;
  setSettings: (next: Settings) => void;
  reanalyse: () => void;
  resplit: (split: boolean) => void;
}) => {
  const { t } = useTranslation();
  const { preview } = step;
  const combined = preview.unitPosition;
  const [onlyUnsure, setOnlyUnsure] = useState(false);
  const sample = useMemo(
    () => (onlyUnsure ? preview.sample.filter((row) => row.unsure) : preview.sample),
    [onlyUnsure, preview.sample],
  );
  type SampleRow = ImportPreview['sample'][number];
  const unsureTag = (row: SampleRow) =>
    row.unsure ? (
      <Tag color="gold" style={{ marginInlineStart: 4 }} data-testid="split-unsure">
        {t('importWizard.split.unsureTag')}
      </Tag>
    ) : null;
  const fieldOptions = [
    { value: '', label: t('importWizard.ignore') },
    ...importFields.map((field) => ({ value: field, label: t(personFieldKey(field)) })),
  ];
  const setField = (column: number, field: ImportField | null) =>
    setSettings({
      ...settings,
      mapping: (settings.mapping ?? []).map((entry) => (entry.column === column ? { column, field } : entry)),
    });

  const textColumn = (field: 'name' | 'sex' | 'birthDate' | 'idNumber', width: number) => ({
    key: field,
    title: t(personFieldKey(field)),
    width,
    render: (_: unknown, row: SampleRow) => row.values[field] ?? '',
  });
  const nameColumn = textColumn('name', 90);
  const personalColumns = [textColumn('sex', 60), textColumn('birthDate', 90), textColumn('idNumber', 170)];
  // With a 工作单位及职务 column, right after the name: what the file wrote, then the unit and the
  // position it gives, side by side for the person to check.
  const unitColumns = [
    ...(combined && combined.split
      ? [
          {
            key: 'unitPosition',
            title: t('importWizard.split.original'),
            width: 220,
            render: (_: unknown, row: SampleRow) => row.values['unitPosition'] ?? '',
          },
        ]
      : []),
    {
      key: 'unit',
      title: t(personFieldKey('unit')),
      width: 220,
      render: (_: unknown, row: SampleRow) => (
        <span data-testid="sample-unit">
          {row.values['unit'] ?? ''}
          {unsureTag(row)}
        </span>
      ),
    },
    {
      key: 'position',
      title: t(personFieldKey('position')),
      width: combined ? 150 : 90,
      render: (_: unknown, row: SampleRow) => <span data-testid="sample-position">{row.values['position'] ?? ''}</span>,
    },
  ];

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="import-preview">
      <Descriptions size="small" column={3} bordered>
        <Descriptions.Item label={t('importWizard.file')}>{preview.fileName}</Descriptions.Item>
        <Descriptions.Item label={t('importWizard.sheet')}>
          <Select
            size="small"
            style={{ minWidth: 140 }}
            value={settings.sheet}
            onChange={(sheet: string) => setSettings({ sheet })}
            options={preview.sheets.map((sheet) => ({ value: sheet, label: sheet }))}
          />
        </Descriptions.Item>
        <Descriptions.Item label={t('importWizard.headerRow')}>
          <InputNumber
            size="small"
            min={1}
            value={settings.headerRow}
            onChange={(row) => setSettings({ ...settings, headerRow: row ?? undefined, mapping: undefined })}
            aria-label={t('importWizard.headerRow')}
          />
        </Descriptions.Item>
      </Descriptions>
      <ImportCounts keys={counts} counts={preview.counts} />
      <div>
        <Space style={{ display: 'flex', justifyContent: 'space-between' }}>
          <Typography.Title level={5} style={{ margin: 0 }}>
            {t('importWizard.mapping')}
          </Typography.Title>
          <Button onClick={reanalyse}>{t('importWizard.reanalyse')}</Button>
        </Space>
        <Table
          size="small"
          rowKey="column"
          pagination={false}
          scroll={{ y: 200 }}
          style={{ marginTop: 8 }}
          dataSource={preview.columns.filter((c) => c.header !== '' || c.field !== null)}
          columns={[
            { key: 'letter', title: t('importWizard.mappingColumn'), dataIndex: 'letter', width: 60 },
            { key: 'header', title: t('importWizard.mappingHeader'), dataIndex: 'header' },
            {
              key: 'field',
              title: t('importWizard.mappingField'),
              width: 200,
              render: (_, column) => (
                <Select
                  size="small"
                  style={{ width: 180 }}
                  value={settings.mapping?.find((entry) => entry.column === column.column)?.field ?? ''}
                  onChange={(value: string) => setField(column.column, importFields.find((field) => field === value) ?? null)}
                  options={fieldOptions}
                  aria-label={`${t('importWizard.mappingField')} ${column.letter}`}
                />
              ),
            },
          ]}
        />
      </div>
      <IgnoredColumns columns={preview.ignoredColumns} />
      {combined && (
        <Alert
          type={combined.split && combined.unsure > 0 ? 'warning' : 'info'}
          showIcon
          data-testid="unit-position-split"
          title={
            combined.split
              ? t('importWizard.split.on', { header: combined.header, column: combined.column })
              : t('importWizard.split.off', { header: combined.header, column: combined.column })
          }
          description={
            combined.split && combined.unsure > 0 ? t('importWizard.split.unsure', { count: combined.unsure }) : undefined
          }
          action={
            <Space orientation="vertical" align="end">
              <Space>
                <Typography.Text>{t('importWizard.split.toggle')}</Typography.Text>
                <Switch size="small" checked={combined.split} onChange={resplit} aria-label={t('importWizard.split.toggle')} />
              </Space>
              {combined.split && combined.unsure > 0 && (
                <Space>
                  <Typography.Text>{t('importWizard.split.onlyUnsure')}</Typography.Text>
                  <Switch
                    size="small"
                    checked={onlyUnsure}
                    onChange={setOnlyUnsure}
                    aria-label={t('importWizard.split.onlyUnsure')}
                  />
                </Space>
              )}
            </Space>
          }
        />
      )}
      <div>
        {preview.problems.length === 0 ? (
          <>
            <Typography.Title level={5}>{t('importWizard.problems', { count: 0 })}</Typography.Title>
            <Typography.Text type="secondary">{t('importWizard.noProblems')}</Typography.Text>
          </>
        ) : (
          <ProblemList source="roster" fileName={preview.fileName} problems={preview.problems} />
        )}
      </div>
      <div>
        <Typography.Title level={5}>{t('importWizard.sample', { count: preview.sample.length })}</Typography.Title>
        <Table<SampleRow>
          size="small"
          rowKey="row"
          pagination={false}
          virtual
          scroll={{ y: 240, x: combined ? 1350 : 1100 }}
          dataSource={sample}
          data-testid="import-sample"
          columns={[
            { key: 'row', title: t('importWizard.problemRow'), dataIndex: 'row', width: 60 },
            {
              key: 'action',
              title: '',
              dataIndex: 'action',
              width: 70,
              render: (action: ImportPreview['sample'][number]['action']) => (
                <Tag color={action === 'reject' ? 'red' : action === 'add' ? 'blue' : action === 'update' ? 'gold' : 'default'}>
                  {t(`importWizard.action.${action}`)}
                </Tag>
              ),
            },
            ...(combined ? [nameColumn, ...unitColumns, ...personalColumns] : [nameColumn, ...personalColumns, ...unitColumns]),
            ...(['phone', 'group'] as const).map((field) => ({
              key: field,
              title: t(personFieldKey(field)),
              width: field === 'phone' ? 130 : 90,
              render: (_: unknown, row: SampleRow) => row.values[field] ?? '',
            })),
          ]}
        />
      </div>
      <Alert type="info" showIcon title={t('importWizard.allOrNothing')} />
    </Space>
  );
};
