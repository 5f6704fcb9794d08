import { EyeOutlined, FolderOpenOutlined } from '@ant-design/icons';
import { App, Button, DatePicker, Descriptions, Drawer, Form, Input, InputNumber, List, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { localDateOf } from '../../../../shared/dates';
import { type Grade, grades } from '../../../../shared/reports/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { OutcomeForm } from './OutcomeForm';
import { useOpenReport } from './use-open-report';

type ReviewForm = { reviewer: string; score: number | null; grade: Grade; comments: string; reviewedOn: dayjs.Dayjs };

// One report: its versions (each opens in the system's viewer), and the review form.
export const ReportDrawer = ({ reportId, onClose }: { reportId: number; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reportFailure } = useErrorText();
  const [form] = Form.useForm<ReviewForm>();
  const detail = useQuery(() => api.reports.get({ id: reportId }), `report:${reportId}`);
  const report = detail.data;

  const open = useOpenReport();

  const save = async (values: ReviewForm) => {
    const result = await api.reports.review({
      reportId,
      review: { ...values, score: values.score ?? null, reviewedOn: values.reviewedOn.format('YYYY-MM-DD') },
    });
    if (!result.ok) return reportFailure(message, result.error);
    message.success(t('reportsPage.review.saved'));
  };

  // The title the upload gave (from the file name or the first line), corrected here.
  const rename = async (title: string) => {
    if (!report || title.trim() === report.title) return;
    const result = await api.reports.rename({ reportId, title });
    if (!result.ok) return reportFailure(message, result.error);
    message.success(t('reportsPage.renamed'));
  };

  return (
    <Drawer
      open
      width={640}
      onClose={onClose}
      title={report ? report.title || report.topicTitle || t('reportsPage.untitled') : ''}
      destroyOnHidden
    >
      {report && (
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('reportsPage.reportTitle')}>
              <Typography.Text
                data-testid="report-title"
                editable={{
                  maxLength: 200,
                  tooltip: t('reportsPage.editTitle'),
                  text: report.title,
                  onChange: (title) => void rename(title),
                }}
              >
                {report.title || t('reportsPage.untitled')}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.columns.authors')}>
              {report.authors.map((a) => a.name).join(t('text.list'))}
            </Descriptions.Item>
            <Descriptions.Item label={t('reports.columns.topic')}>{report.topicTitle}</Descriptions.Item>
            <Descriptions.Item label={t('reports.columns.className')}>{report.className}</Descriptions.Item>
          </Descriptions>
          <List
            size="small"
            header={<Typography.Text strong>{t('reportsPage.versions')}</Typography.Text>}
            bordered
            dataSource={report.allVersions}
            renderItem={(version) => (
              <List.Item
                actions={[
                  <Button key="open" size="small" icon={<EyeOutlined />} onClick={() => void open(version.id, 'open')}>
                    {t('reportsPage.open')}
                  </Button>,
                  <Button key="show" size="small" icon={<FolderOpenOutlined />} onClick={() => void open(version.id, 'show')}>
                    {t('reportsPage.showInFolder')}
                  </Button>,
                ]}
              >
                {t('reportsPage.versionLine', {
                  version: version.version,
                  name: version.fileName,
                  date: localDateOf(version.submittedAt),
                  status: t(`reports.textStatus.${version.textStatus}`),
                })}
              </List.Item>
            )}
          />
          <Form<ReviewForm>
            form={form}
            layout="vertical"
            name="report-review"
            aria-label={t('reportsPage.review.title')}
            initialValues={{
              reviewer: report.review?.reviewer ?? '',
              score: report.review?.score ?? null,
              grade: report.review?.grade,
              comments: report.review?.comments ?? '',
              reviewedOn: dayjs(report.review?.reviewedOn ?? undefined),
            }}
            onFinish={(values) => void save(values)}
          >
            <Typography.Title level={5}>{t('reportsPage.review.title')}</Typography.Title>
            <Space wrap>
              <Form.Item
                name="grade"
                label={t('reportsPage.review.grade')}
                rules={[{ required: true, message: t('reportsPage.review.needGrade') }]}
              >
                <Select
                  style={{ width: 140 }}
                  options={grades.map((grade) => ({ value: grade, label: t(`reports.grades.${grade}`) }))}
                />
              </Form.Item>
              <Form.Item name="score" label={t('reportsPage.review.score')}>
                <InputNumber min={0} max={100} style={{ width: 100 }} />
              </Form.Item>
              <Form.Item name="reviewer" label={t('reportsPage.review.reviewer')}>
                <Input maxLength={50} style={{ width: 140 }} />
              </Form.Item>
              <Form.Item name="reviewedOn" label={t('reportsPage.review.reviewedOn')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Form.Item name="comments" label={t('reportsPage.review.comments')}>
              <Input.TextArea rows={4} maxLength={4000} />
            </Form.Item>
            <Button type="primary" htmlType="submit">
              {t('reportsPage.review.save')}
            </Button>
          </Form>
          <OutcomeForm report={report} />
        </Space>
      )}
    </Drawer>
  );
};
