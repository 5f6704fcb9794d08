import { Alert, App, Button, Col, Descriptions, Modal, Row, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ArchivePreview, ArchiveReportPreview, AuthorMatch } from '../../../../shared/lifecycle/archive';
import type { ArchiveImportResult } from '../../../../shared/lifecycle/archive';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useJob } from '../../components/use-job';

const stateColors = { new: 'blue', present: 'default', partial: 'gold' } as const;
const matchColors: Record<AuthorMatch, string> = { matched: 'green', unmatched: 'default', ambiguous: 'orange' };
const counts = ['newReports', 'presentReports', 'matched', 'unmatched', 'ambiguous', 'reviews'] as const;

// What importing another workstation's class archive would do, shown before anything is stored:
// a new class or an existing one (then asked in so many words), each report new or already here,
// each author matched to a trainee of the class by name or not, and the reviews, 优秀 and dates the
// package brings with it.
export const ArchiveImportModal = ({
  grant,
  preview,
  onDone,
  onClose,
}: {
  grant: string;
  preview: ArchivePreview;
  onDone: (result: ArchiveImportResult) => void;
  onClose: () => void;
}) => {
  const { t, i18n } = useTranslation();
  const { message } = App.useApp();
  const { reportFailure } = useErrorText();
  const job = useJob();
  const { existing, counts: numbers, packageClass } = preview;

  const commit = async () => {
    const result = await job.run(t('reportsPage.importing'), (jobId) =>
      api.lifecycle.archiveImport({ grant, token: preview.token, jobId }),
    );
    if (!result.ok) {
      reportFailure(message, result.error);
      // Refused (the package or the data changed since, the class was archived): the preview no longer
      // holds, and the person starts again from the file. Cancelled: the preview still stands.
      if (result.error.code !== 'CANCELLED') onClose();
      return;
    }
    onDone(result.value);
  };

  const when = (instant: string) => new Date(instant).toLocaleString(i18n.language);

  return (
    <Modal
      open
      title={t('archiveImport.title')}
      width={1100}
      // On a 1366×768 screen the buttons stay in sight: the modal starts near the top and its body scrolls.
      style={{ top: 24 }}
      styles={{ body: { maxHeight: 'calc(100vh - 180px)', overflowY: 'auto', overflowX: 'hidden' } }}
      onCancel={onClose}
      maskClosable={false}
      keyboard={!job.working}
      closable={!job.working}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose} disabled={job.working !== undefined}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="commit"
          type="primary"
          danger={existing !== null}
          disabled={existing !== null && numbers.newReports === 0}
          loading={job.working !== undefined}
          onClick={() => void commit()}
          data-testid="archive-import-commit"
        >
          {existing ? t('archiveImport.merge', { name: existing.name }) : t('archiveImport.create')}
        </Button>,
      ]}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="archive-preview">
        {existing ? (
          <Alert
            type="warning"
            showIcon
            title={t('archiveImport.mergeTitle', { name: existing.name, start: existing.startDate, end: existing.endDate })}
            description={t('archiveImport.mergeHelp')}
            data-testid="archive-merge-warning"
          />
        ) : (
          <Alert
            type="info"
            showIcon
            title={t('archiveImport.newTitle', {
              name: packageClass.name,
              start: packageClass.startDate,
              end: packageClass.endDate,
            })}
            description={t('archiveImport.newHelp')}
          />
        )}
        <Descriptions size="small" column={2} bordered styles={{ label: { whiteSpace: 'nowrap' } }}>
          <Descriptions.Item label={t('archiveImport.file')} span={2}>
            {t('archiveImport.fileSize', { name: preview.fileName, size: (preview.size / 1024 / 1024).toFixed(1) })}
          </Descriptions.Item>
          <Descriptions.Item label={t('archiveImport.packageClass')}>
            {packageClass.name}
            {/* The dates stay on one line: "2020-06-\n12" reads as two dates. */}
            <span style={{ whiteSpace: 'nowrap' }}>
              {t('archiveImport.dates', { start: packageClass.startDate, end: packageClass.endDate })}
            </span>
          </Descriptions.Item>
          <Descriptions.Item label={t('archiveImport.into')}>
            {existing
              ? t('archiveImport.existingClass', { code: existing.code, name: existing.name })
              : t('archiveImport.newClass')}
          </Descriptions.Item>
        </Descriptions>
        <Row gutter={16}>
          {counts.map((key) => (
            <Col span={4} key={key}>
              <Statistic
                title={t(`archiveImport.counts.${key}`)}
                value={numbers[key]}
                suffix={key === 'reviews' && numbers.excellent > 0 ? t('archiveImport.excellentSuffix', numbers) : undefined}
                data-testid={`archive-count-${key}`}
              />
            </Col>
          ))}
        </Row>
        <Typography.Text type="secondary">{t('archiveImport.countsHelp')}</Typography.Text>
        <Table<ArchiveReportPreview>
          size="small"
          rowKey={(_, index) => String(index)}
          pagination={false}
          virtual
          scroll={{ y: 300, x: 1040 }}
          dataSource={preview.reports}
          data-testid="archive-reports"
          columns={[
            {
              key: 'state',
              title: t('archiveImport.columns.state'),
              width: 100,
              render: (_, report) => <Tag color={stateColors[report.state]}>{t(`archiveImport.states.${report.state}`)}</Tag>,
            },
            {
              key: 'title',
              title: t('archiveImport.columns.title'),
              width: 240,
              render: (_, report) => report.title || report.topic,
            },
            {
              key: 'authors',
              title: t('archiveImport.columns.authors'),
              width: 200,
              render: (_, report) =>
                report.authors.map((author, index) => (
                  <Tooltip key={index} title={t(`archiveImport.match.${author.match}`)}>
                    <Tag color={matchColors[author.match]}>
                      {author.match === 'matched' ? author.name : t(`archiveImport.matchTag.${author.match}`, author)}
                    </Tag>
                  </Tooltip>
                )),
            },
            {
              key: 'review',
              title: t('archiveImport.columns.review'),
              width: 190,
              render: (_, report) =>
                report.review && (
                  <span>
                    <Tag color={report.review.grade === 'excellent' ? 'gold' : 'default'}>
                      {t(`reports.grades.${report.review.grade}`)}
                    </Tag>
                    {report.review.reviewer
                      ? t('archiveImport.reviewedBy', { date: report.review.reviewedOn, reviewer: report.review.reviewer })
                      : t('archiveImport.reviewedOn', { date: report.review.reviewedOn })}
                  </span>
                ),
            },
            {
              key: 'outcome',
              title: t('archiveImport.columns.outcome'),
              width: 150,
              render: (_, report) =>
                [
                  report.publication ? t('archiveImport.published', report.publication) : '',
                  report.forwardings.length > 0 ? t('archiveImport.forwarded', { count: report.forwardings.length }) : '',
                ]
                  .filter(Boolean)
                  .join(t('text.list')),
            },
            {
              key: 'submitted',
              title: t('archiveImport.columns.submitted'),
              width: 160,
              render: (_, report) => {
                const last = report.versions.at(-1);
                return last ? (
                  <span>
                    {when(last.submittedAt)}
                    {report.versions.length > 1 && (
                      <Typography.Text type="secondary" style={{ display: 'block' }}>
                        {t('archiveImport.versions', { count: report.versions.length })}
                      </Typography.Text>
                    )}
                  </span>
                ) : null;
              },
            },
          ]}
        />
        {existing && numbers.newReports === 0 && <Alert type="info" showIcon title={t('archiveImport.nothingNew')} />}
        {job.working && <JobProgressBar working={job.working} onCancel={job.cancel} />}
      </Space>
    </Modal>
  );
};
