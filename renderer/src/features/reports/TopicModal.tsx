import { App, Form, Input, InputNumber, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { type Topic, type TopicFields, topicFieldsSchema } from '../../../../shared/reports/schemas';
import { toFieldIssues } from '../../../../shared/validation';
import { api } from '../../api';
import { useFieldRule, useSubmit } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { FormModal } from '../../components/FormModal';

const fieldNames = ['title', 'adviserStaffId', 'description', 'maxAuthors'] as const;

// A research topic as the project team writes it: the title, the adviser from the staff, what it
// asks, and how many reports (authors or groups) may take it.
export const TopicModal = ({
  classId,
  editing,
  onClose,
}: {
  classId: number;
  editing?: Topic | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const [form] = Form.useForm<TopicFields>();
  const { saving, submit } = useSubmit(form, fieldNames, /^fields\./);
  const staff = useQuery(() => api.staff.list({}), 'staff:');
  const fields = (): TopicFields => {
    const values = form.getFieldsValue(true) as Partial<TopicFields>;
    return {
      title: values.title ?? '',
      adviserStaffId: values.adviserStaffId ?? null,
      description: values.description ?? '',
      maxAuthors: values.maxAuthors ?? null,
    };
  };
  const issues = () => {
    const parsed = topicFieldsSchema.safeParse(fields(), { reportInput: true });
    return parsed.success
      ? []
      : toFieldIssues(parsed.error.issues, { title: 'fields.topicTitle', maxAuthors: 'fields.maxAuthors' });
  };
  const rule = (field: (typeof fieldNames)[number]) => fieldRule(issues, field);
  const save = () =>
    submit(
      () => api.reports.saveTopic({ classId, id: editing?.id, fields: fields() }),
      (value) => {
        message.success(t('reportsPage.topicSaved', { title: value.title }));
        onClose();
      },
    );
  return (
    <FormModal
      title={t(editing ? 'reportsPage.editTopic' : 'reportsPage.addTopic')}
      width={620}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ?? { maxAuthors: null, adviserStaffId: null }}
        data-testid="topic-form"
      >
        <Form.Item name="title" label={t('fields.topicTitle')} required rules={[rule('title')]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="adviserStaffId" label={t('fields.adviserStaffId')} rules={[rule('adviserStaffId')]}>
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            options={(staff.data?.items ?? []).map((person) => ({ value: person.id, label: person.name }))}
          />
        </Form.Item>
        <Form.Item name="description" label={t('reportsPage.topicDescription')} rules={[rule('description')]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Form.Item
          name="maxAuthors"
          label={t('fields.maxAuthors')}
          rules={[rule('maxAuthors')]}
          extra={t('reportsPage.maxAuthorsHelp')}
        >
          <InputNumber min={1} max={500} style={{ width: 140 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
