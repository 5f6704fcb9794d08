import { Alert, App, Input, Modal, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardRow, Staged, StagedFile, Topic } from '../../../../shared/reports/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useJob } from '../../components/use-job';

type Choice = { enrolmentIds: number[]; topicId: number | null; title: string };

// The confirmation table of an upload: each file, what it is, whom it was matched to. A file that
// matched nobody is given its authors here; a file that cannot be stored says why and stays out.
export const UploadModal = ({
  classId,
  staged,
  people,
  topics,
  onClose,
}: {
  classId: number;
  staged: Staged;
  people: readonly BoardRow[];
  topics: readonly Topic[];
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reportFailure } = useErrorText();
  const job = useJob();
  const [choices, setChoices] = useState<Record<string, Choice>>(() =>
    Object.fromEntries(
      staged.files.map((file) => [file.key, { enrolmentIds: file.enrolmentIds, topicId: file.topicId, title: file.title }]),
    ),
  );
  const storable = staged.files.filter((file) => file.problem === null);
  const missing = storable.filter((file) => (choices[file.key]?.enrolmentIds.length ?? 0) === 0);
  const change = (key: string, patch: Partial<Choice>) =>
    setChoices((current) => ({
      ...current,
      [key]: { ...(current[key] ?? { enrolmentIds: [], topicId: null, title: '' }), ...patch },
    }));

  const save = async () => {
    const result = await job.run(t('reportsPage.upload.saving'), (jobId) =>
      api.reports.commit({
        classId,
        token: staged.token,
        jobId,
        items: storable.map((file) => ({
          key: file.key,
          groupNo: file.groupNo,
          ...(choices[file.key] ?? { enrolmentIds: [], topicId: null, title: '' }),
        })),
      }),
    );
    if (!result.ok) return reportFailure(message, result.error);
    message.success(t('reportsPage.upload.saved', { files: result.value.versions, reports: result.value.reports }));
    onClose();
  };

  const matchTag = (file: StagedFile) =>
    file.problem !== null ? (
      <Tag color="red">{t('reportsPage.upload.refused')}</Tag>
    ) : (choices[file.key]?.enrolmentIds.length ?? 0) === 0 ? (
      <Tag color="orange">{t('reportsPage.upload.unmatched')}</Tag>
    ) : (
      <Tag color={file.matchedBy === 'none' ? 'blue' : 'green'}>{t(`reportsPage.upload.matchedBy.${file.matchedBy}`)}</Tag>
    );

  return (
    <Modal
      open
      width={1100}
      title={t('reportsPage.upload.title', { count: staged.files.length })}
      okText={t('reportsPage.upload.save', { count: storable.length })}
      okButtonProps={{ disabled: storable.length === 0 || missing.length > 0, loading: job.working !== undefined }}
      onOk={() => void save()}
      onCancel={job.working ? job.cancel : onClose}
      maskClosable={false}
      destroyOnHidden
    >
      {missing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={t('reportsPage.upload.needAuthors', { count: missing.length })}
        />
      )}
      <Table<StagedFile>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={staged.files}
        scroll={{ y: 420 }}
        data-testid="upload-table"
        columns={[
          {
            title: t('reportsPage.upload.file'),
            key: 'file',
            width: 260,
            render: (_, file) => (
              <>
                <div>{file.relative}</div>
                <Typography.Text type={file.problem ? 'danger' : 'secondary'} style={{ fontSize: 12 }}>
                  {file.problem ??
                    [
                      file.format?.toUpperCase(),
                      t(`reports.textStatus.${file.textStatus ?? 'none'}`),
                      file.version > 1 ? t('reportsPage.upload.version', { version: file.version }) : '',
                    ]
                      .filter(Boolean)
                      .join(t('text.list'))}
                </Typography.Text>
              </>
            ),
          },
          { title: t('reportsPage.upload.match'), key: 'match', width: 90, render: (_, file) => matchTag(file) },
          {
            title: t('reportsPage.upload.authors'),
            key: 'authors',
            render: (_, file) =>
              file.problem === null && (
                <Select
                  mode="multiple"
                  style={{ width: '100%' }}
                  aria-label={t('reportsPage.upload.authorsOf', { name: file.name })}
                  placeholder={t('reportsPage.upload.pickAuthors')}
                  value={choices[file.key]?.enrolmentIds ?? []}
                  onChange={(enrolmentIds: number[]) => change(file.key, { enrolmentIds })}
                  optionFilterProp="label"
                  options={people.map((person) => ({ value: person.enrolmentId, label: person.name }))}
                  maxTagCount={4}
                />
              ),
          },
          {
            title: t('reportsPage.upload.topic'),
            key: 'topic',
            width: 170,
            render: (_, file) =>
              file.problem === null && (
                <Select
                  allowClear
                  style={{ width: '100%' }}
                  value={choices[file.key]?.topicId ?? undefined}
                  onChange={(topicId?: number) => change(file.key, { topicId: topicId ?? null })}
                  options={topics.map((topic) => ({ value: topic.id, label: topic.title }))}
                />
              ),
          },
          {
            title: t('reportsPage.upload.reportTitle'),
            key: 'title',
            width: 240,
            render: (_, file) =>
              file.problem === null && (
                <Input
                  aria-label={t('reportsPage.upload.titleOf', { name: file.name })}
                  placeholder={t('reportsPage.upload.noTitle')}
                  value={choices[file.key]?.title ?? ''}
                  maxLength={200}
                  onChange={(event) => change(file.key, { title: event.target.value })}
                />
              ),
          },
        ]}
      />
      {job.working && <JobProgressBar working={job.working} onCancel={job.cancel} />}
    </Modal>
  );
};
