import { DownloadOutlined, EyeOutlined, FolderOpenOutlined, ImportOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Input, List, Select, Space, Tag, Typography } from 'antd';
import { useDeferredValue, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fileNameOf } from '../../../../shared/files/schemas';
import type { ArchivePreview } from '../../../../shared/lifecycle/archive';
import { type Grade, grades, type ReportFilter } from '../../../../shared/reports/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useJob } from '../../components/use-job';
import { ArchiveImportModal } from '../lifecycle/ArchiveImportModal';
import { ReportDrawer } from './ReportDrawer';
import { useOpenReport } from './use-open-report';

const Marked = ({ segments }: { segments: readonly { text: string; hit: boolean }[] }) => (
  <>
    {segments.map((segment, index) =>
      segment.hit ? <mark key={index}>{segment.text}</mark> : <span key={index}>{segment.text}</span>,
    )}
  </>
);

// The archive of every year: search the text, titles, authors (pinyin too), topics and classes;
// filter by grade and outcome; open a report, export the list, import another workstation's archive.
export const ReportsPage = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, reportFailure } = useErrorText();
  const [query, setQuery] = useState('');
  const [grade, setGrade] = useState<Grade>();
  const [outcome, setOutcome] = useState<ReportFilter['outcome']>();
  const [open, setOpen] = useState<number>();
  const [exporting, setExporting] = useState(false);
  const [archive, setArchive] = useState<{ grant: string; preview: ArchivePreview }>();
  const job = useJob();
  const deferred = useDeferredValue(query);
  const filter: ReportFilter = { ...(grade ? { grade } : {}), ...(outcome ? { outcome } : {}) };
  const results = useQuery(
    () => api.reports.search({ query: deferred, filter, limit: 50 }),
    `reports-search:${deferred}:${grade}:${outcome}`,
  );

  // The package is read (and checked) first; what it would do is shown, and imported once confirmed.
  const importArchive = async () => {
    const chosen = await api.files.chooseOpen({ purpose: 'archiveImport' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const grant = chosen.value.grant;
    if (!grant) return;
    const previewed = await job.run(t('reportsPage.previewingArchive'), (jobId) =>
      api.lifecycle.archivePreview({ grant, jobId }),
    );
    if (!previewed.ok) return reportFailure(message, previewed.error);
    setArchive({ grant, preview: previewed.value });
  };

  const view = useOpenReport();

  return (
    <Flex vertical gap={16} data-testid="reports-page">
      <Flex justify="space-between" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('reportsPage.title')}
        </Typography.Title>
        <Space>
          <Button icon={<ImportOutlined />} onClick={() => void importArchive()} disabled={job.working !== undefined}>
            {t('reportsPage.importArchive')}
          </Button>
          <Button icon={<DownloadOutlined />} onClick={() => setExporting(true)}>
            {t('reportsPage.exportList')}
          </Button>
        </Space>
      </Flex>
      {job.working && <JobProgressBar working={job.working} onCancel={job.cancel} />}
      <Flex gap={8} wrap>
        <Input.Search
          allowClear
          autoFocus
          style={{ maxWidth: 480 }}
          placeholder={t('reportsPage.searchPlaceholder')}
          aria-label={t('reportsPage.searchPlaceholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
        />
        <Select
          allowClear
          placeholder={t('fields.grade')}
          style={{ width: 130 }}
          value={grade}
          onChange={setGrade}
          options={grades.map((value) => ({ value, label: t(`reports.grades.${value}`) }))}
        />
        <Select
          allowClear
          placeholder={t('fields.outcome')}
          aria-label={t('fields.outcome')}
          style={{ width: 150 }}
          value={outcome}
          onChange={setOutcome}
          options={(['excellent', 'published', 'forwarded'] as const).map((value) => ({
            value,
            label: t(`reportsPage.outcomes.${value}`),
          }))}
        />
      </Flex>
      <Typography.Text type="secondary" data-testid="reports-total">
        {t('reportsPage.total', { total: results.data?.total ?? 0 })}
      </Typography.Text>
      <Card size="small">
        <List
          data-testid="reports-results"
          dataSource={results.data?.hits ?? []}
          locale={{ emptyText: <Empty description={t(deferred ? 'reportsPage.noHits' : 'reportsPage.noReports')} /> }}
          renderItem={(hit) => (
            <List.Item
              actions={
                hit.report.latest
                  ? [
                      <Button
                        key="open"
                        size="small"
                        icon={<EyeOutlined />}
                        onClick={() => void view(hit.report.latest?.id ?? 0, 'open')}
                      >
                        {t('reportsPage.open')}
                      </Button>,
                      <Button
                        key="show"
                        size="small"
                        icon={<FolderOpenOutlined />}
                        onClick={() => void view(hit.report.latest?.id ?? 0, 'show')}
                      >
                        {t('reportsPage.showInFolder')}
                      </Button>,
                    ]
                  : []
              }
            >
              <List.Item.Meta
                title={
                  <Typography.Link onClick={() => setOpen(hit.report.id)}>
                    <Marked segments={hit.title} />
                  </Typography.Link>
                }
                description={
                  <Flex vertical gap={4}>
                    <span>
                      {[hit.report.className, hit.report.authors.map((a) => a.name).join(t('text.list')), hit.report.topicTitle]
                        .filter(Boolean)
                        .join(t('text.gap'))}
                      {hit.report.review && (
                        <Tag
                          style={{ marginInlineStart: 8 }}
                          color={hit.report.review.grade === 'excellent' ? 'gold' : 'default'}
                        >
                          {t(`reports.grades.${hit.report.review.grade}`)}
                        </Tag>
                      )}
                    </span>
                    <Typography.Text type="secondary" data-testid="snippet">
                      <Marked segments={hit.snippet} />
                    </Typography.Text>
                  </Flex>
                }
              />
            </List.Item>
          )}
        />
      </Card>
      {open !== undefined && <ReportDrawer reportId={open} onClose={() => setOpen(undefined)} />}
      {archive && (
        <ArchiveImportModal
          grant={archive.grant}
          preview={archive.preview}
          onClose={() => setArchive(undefined)}
          onDone={(result) => {
            setArchive(undefined);
            message.success(t('reportsPage.imported', { ...result }));
          }}
        />
      )}
      {exporting && (
        <ExportDialog
          title={t('reportsPage.exportList')}
          onClose={() => setExporting(false)}
          request={() => ({
            fileName: fileNameOf(t('reports.listTitle'), 'xlsx'),
            format: 'xlsx',
            start: (grant, jobId) => api.reports.export({ filter, grant, jobId }),
          })}
        >
          <Typography.Paragraph>{t('reportsPage.exportHelp')}</Typography.Paragraph>
        </ExportDialog>
      )}
    </Flex>
  );
};
