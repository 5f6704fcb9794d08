import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { ReportDetail } from '../../../../shared/reports/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';

type Forwarded = { department: string; sentOn: dayjs.Dayjs; feedback: string; instruction: string };
type Outcome = { published: boolean; journal: string; year: number | null; issue: string; forwardings: Forwarded[] };

// What became of a report: published in the school's journal (which year, which issue), and each
// time it was sent up (报送) — to whom, when, what came back, the leaders' instructions (批示).
export const OutcomeForm = ({ report }: { report: ReportDetail }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reportFailure } = useErrorText();
  const [form] = Form.useForm<Outcome>();
  const published = Form.useWatch('published', form);

  const save = async (values: Outcome) => {
    const result = await api.reports.saveOutcome({
      reportId: report.id,
      publication: values.published
        ? { journal: values.journal, year: values.year ?? report.classYear, issue: values.issue }
        : null,
      forwardings: (values.forwardings ?? []).map((forwarding) => ({
        ...forwarding,
        sentOn: forwarding.sentOn.format('YYYY-MM-DD'),
      })),
    });
    if (!result.ok) return reportFailure(message, result.error);
    message.success(t('reportsPage.outcome.saved'));
  };

  return (
    <Form<Outcome>
      form={form}
      layout="vertical"
      name="report-outcome"
      aria-label={t('reportsPage.outcome.title')}
      initialValues={{
        published: report.publication !== null,
        journal: report.publication?.journal ?? t('reportsPage.outcome.defaultJournal'),
        year: report.publication?.year ?? report.classYear,
        issue: report.publication?.issue ?? '',
        forwardings: report.forwardingList.map((forwarding) => ({ ...forwarding, sentOn: dayjs(forwarding.sentOn) })),
      }}
      onFinish={(values) => void save(values)}
    >
      <Typography.Title level={5}>{t('reportsPage.outcome.title')}</Typography.Title>
      <Form.Item name="published" valuePropName="checked" style={{ marginBottom: 8 }}>
        <Checkbox>{t('reportsPage.outcome.published')}</Checkbox>
      </Form.Item>
      {published && (
        <Flex gap={8} wrap>
          <Form.Item name="journal" label={t('fields.journal')} rules={[{ required: true }]}>
            <Input maxLength={100} style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="year" label={t('fields.year')} rules={[{ required: true }]}>
            <InputNumber min={1949} max={2200} style={{ width: 100 }} />
          </Form.Item>
          <Form.Item name="issue" label={t('fields.issue')}>
            <Input maxLength={30} style={{ width: 120 }} placeholder={t('reportsPage.outcome.issuePlaceholder')} />
          </Form.Item>
        </Flex>
      )}
      <Form.List name="forwardings">
        {(fields, { add, remove }) => (
          <Flex vertical gap={8}>
            {fields.map((field) => (
              <Flex key={field.key} gap={8} wrap align="start" style={{ borderTop: '1px dashed #ddd', paddingTop: 8 }}>
                <Form.Item name={[field.name, 'department']} label={t('fields.department')} rules={[{ required: true }]}>
                  <Input maxLength={100} style={{ width: 170 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'sentOn']} label={t('fields.sentOn')} rules={[{ required: true }]}>
                  <DatePicker />
                </Form.Item>
                <Form.Item name={[field.name, 'feedback']} label={t('fields.feedback')}>
                  <Input maxLength={2000} style={{ width: 200 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'instruction']} label={t('fields.instruction')} style={{ flex: 1, minWidth: 240 }}>
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Button
                  aria-label={t('reportsPage.outcome.removeForwarding')}
                  icon={<DeleteOutlined />}
                  onClick={() => remove(field.name)}
                  style={{ marginTop: 30 }}
                />
              </Flex>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ department: '', sentOn: dayjs(), feedback: '', instruction: '' })}
            >
              {t('reportsPage.outcome.addForwarding')}
            </Button>
          </Flex>
        )}
      </Form.List>
      <Button type="primary" htmlType="submit" style={{ marginTop: 12 }}>
        {t('reportsPage.outcome.save')}
      </Button>
    </Form>
  );
};
