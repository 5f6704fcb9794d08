import {
  ArrowRightOutlined,
  CheckCircleFilled,
  CloseCircleFilled,
  FileExcelOutlined,
  FilePdfOutlined,
  FileWordOutlined,
} from '@ant-design/icons';
import { Alert, Button, Card, Checkbox, Descriptions, Flex, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import type { CheckItem } from '../../../../shared/lifecycle/schemas';
import { chineseDate } from '../../../../shared/dates';
import { fileNameOf } from '../../../../shared/files/schemas';
import { api } from '../../api';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { CertificatesDialog } from './CertificatesDialog';

type Document = 'summary' | 'certificates' | 'hours';
const formats = { summary: 'docx', hours: 'xlsx' } as const;

// The class tab where each missing item of the checklist is put right.
const fixedIn = {
  roster: 'roster',
  attendance: 'attendance',
  reports: 'reports',
  reviews: 'reports',
  surveys: 'surveys',
} as const satisfies Record<CheckItem, string>;

// Closing a class (结业): what is still missing, the figures its summary will report, and the
// documents it produces — the summary, the certificates, each trainee's study hours.
export const ClosingTab = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const check = useQuery(() => api.lifecycle.check({ classId: target.id }), `closing-check:${target.id}`);
  const figures = useQuery(() => api.lifecycle.figures({ classId: target.id }), `closing-figures:${target.id}`);
  const [exporting, setExporting] = useState<Document>();
  const [fullIdNumber, setFullIdNumber] = useState(false);
  // The tab is part of the address (ClassDetailPage): a fix link opens its tab, and "back" returns here.
  const [, setParams] = useSearchParams();
  const f = figures.data;
  return (
    <Flex vertical gap={16} data-testid="closing-tab">
      {check.data && (
        <Card size="small" title={t('closingPage.checklist')}>
          <Alert
            type={check.data.ready ? 'success' : 'warning'}
            showIcon
            style={{ marginBottom: 12 }}
            title={t(check.data.ready ? 'closingPage.ready' : 'closingPage.notReady')}
          />
          <List
            size="small"
            dataSource={check.data.items}
            data-testid="closing-checklist"
            renderItem={(item) => (
              <List.Item>
                <Space>
                  {item.done ? (
                    <CheckCircleFilled style={{ color: '#389e0d' }} />
                  ) : (
                    <CloseCircleFilled style={{ color: '#cf1322' }} />
                  )}
                  <Typography.Text strong>{t(`closing.items.${item.item}`)}</Typography.Text>
                  {!item.done && <Typography.Text type="danger">{item.missing}</Typography.Text>}
                </Space>
                {!item.done && (
                  <Button
                    type="link"
                    size="small"
                    icon={<ArrowRightOutlined />}
                    iconPlacement="end"
                    onClick={() => setParams({ tab: fixedIn[item.item] })}
                    data-testid={`closing-fix-${item.item}`}
                  >
                    {t(`closingPage.fix.${item.item}`)}
                  </Button>
                )}
              </List.Item>
            )}
          />
        </Card>
      )}
      <Space wrap>
        <Button icon={<FileWordOutlined />} onClick={() => setExporting('summary')}>
          {t('closingPage.documents.summary')}
        </Button>
        <Button icon={<FilePdfOutlined />} onClick={() => setExporting('certificates')}>
          {t('closingPage.documents.certificates')}
        </Button>
        <Button icon={<FileExcelOutlined />} onClick={() => setExporting('hours')}>
          {t('closingPage.documents.hours')}
        </Button>
      </Space>
      {f && (
        <Card size="small" title={t('closingPage.figures')}>
          <Descriptions size="small" bordered column={2} data-testid="closing-figures">
            <Descriptions.Item label={t('closingPage.dates')}>
              {t('closingPage.datesValue', { from: chineseDate(f.startDate), to: chineseDate(f.endDate), days: f.days })}
            </Descriptions.Item>
            <Descriptions.Item label={t('closingPage.trainees')}>
              {t('closingPage.traineesValue', { count: f.trainees, male: f.male, female: f.female })}
            </Descriptions.Item>
            <Descriptions.Item label={t('closingPage.sessions')}>
              {t('closingPage.sessionsValue', { count: f.sessions, hours: f.totalHours })}
            </Descriptions.Item>
            <Descriptions.Item label={t('closingPage.sites')}>{f.sites.join(t('text.list')) || '—'}</Descriptions.Item>
            <Descriptions.Item label={t('closingPage.fourTogethers')}>
              {t('closingPage.fourTogethersValue', { stays: f.stays, nights: f.stayNights, hours: f.labourHours })}
            </Descriptions.Item>
            <Descriptions.Item label={t('closingPage.attendance')}>
              {f.attendanceRate === null ? '—' : `${f.attendanceRate}%`}
            </Descriptions.Item>
            <Descriptions.Item label={t('closingPage.reports')}>
              {t('closingPage.reportsValue', { count: f.reports, excellent: f.excellent.length })}
            </Descriptions.Item>
            <Descriptions.Item label={t('closingPage.satisfaction')}>
              {f.satisfaction
                .filter((s) => s.responses > 0)
                .map((s) =>
                  t('closingPage.satisfactionValue', {
                    kind: t(`closing.satisfactions.${s.satisfaction}`),
                    mean: s.mean ?? '—',
                    rate: s.satisfiedRate ?? '—',
                  }),
                )
                .join(t('text.list')) || '—'}
            </Descriptions.Item>
          </Descriptions>
        </Card>
      )}
      {exporting === 'certificates' && <CertificatesDialog target={target} onClose={() => setExporting(undefined)} />}
      {(exporting === 'summary' || exporting === 'hours') && (
        <ExportDialog
          title={t(`closingPage.documents.${exporting}`)}
          onClose={() => setExporting(undefined)}
          request={() => ({
            fileName: fileNameOf(t(`closingPage.fileNames.${exporting}`, { name: target.name }), formats[exporting]),
            format: formats[exporting],
            start: (grant, jobId) =>
              exporting === 'summary'
                ? api.lifecycle.summary({ classId: target.id, grant, jobId })
                : api.lifecycle.hours({ classId: target.id, grant, jobId, fullIdNumber }),
          })}
        >
          <Typography.Paragraph>{t(`closingPage.help.${exporting}`)}</Typography.Paragraph>
          {exporting === 'hours' && (
            <Checkbox checked={fullIdNumber} onChange={(event) => setFullIdNumber(event.target.checked)}>
              {t('closingPage.fullIdNumber')}
            </Checkbox>
          )}
        </ExportDialog>
      )}
    </Flex>
  );
};
