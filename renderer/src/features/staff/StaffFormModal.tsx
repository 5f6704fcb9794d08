import { App, Col, Form, Input, Row, Select, Switch } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Staff, type StaffFieldsInput, staffFieldsSchema } from '../../../../shared/staff/schemas';
import { toFieldIssues } from '../../../../shared/validation';
import { api } from '../../api';
import { useFieldRule, useShowRefusal } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { FormModal } from '../../components/FormModal';

type Values = {
  name?: string;
  roles?: string[];
  organisation?: string;
  title?: string;
  phone?: string;
  expertise?: string;
  notes?: string;
  external?: boolean;
};

const fieldNames = ['name', 'roles', 'organisation', 'title', 'phone', 'expertise', 'notes'] as const;
const staffLabels = { name: 'fields.personName' } as const;

const toFields = (values: Values): StaffFieldsInput => ({
  name: values.name ?? '',
  roles: values.roles ?? [],
  organisation: values.organisation ?? '',
  title: values.title ?? '',
  phone: values.phone ?? '',
  expertise: values.expertise ?? '',
  notes: values.notes ?? '',
  external: values.external ?? false,
});

// A teacher, adviser or coordinator: who they are and how to reach them.
export const StaffFormModal = ({
  editing,
  onClose,
  onSaved,
}: {
  editing?: Staff | undefined;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const showRefusal = useShowRefusal();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const roles = useQuery(() => api.vocab.get({ kind: 'staffRole' }), 'vocab:staffRole');

  const issues = () => {
    const parsed = staffFieldsSchema.safeParse(toFields(form.getFieldsValue(true)), { reportInput: true });
    return parsed.success ? [] : toFieldIssues(parsed.error.issues, staffLabels);
  };
  const rule = (field: (typeof fieldNames)[number]) => fieldRule(issues, field);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const fields = toFields(form.getFieldsValue(true));
    setSaving(true);
    const result = editing ? await api.staff.update({ id: editing.id, fields }) : await api.staff.create(fields);
    setSaving(false);
    if (!result.ok) {
      showRefusal(form, result.error, fieldNames, /^fields\./);
      return;
    }
    message.success(t('staffPage.saved', { name: result.value.name }));
    onSaved?.(result.value.id);
    onClose();
  };

  const text = (field: Exclude<(typeof fieldNames)[number], 'roles'>, label: string, max: number, required = false) => (
    <Form.Item name={field} label={label} rules={[rule(field)]} required={required}>
      <Input maxLength={max} />
    </Form.Item>
  );

  return (
    <FormModal
      title={editing ? t('staffPage.editTitle', { name: editing.name }) : t('staffPage.addTitle')}
      width={720}
      saving={saving}
      onSave={() => void submit()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={editing ? { ...editing } : { roles: [] }} data-testid="staff-form">
        <Row gutter={16}>
          <Col span={8}>{text('name', t('staffPage.columns.name'), 50, true)}</Col>
          <Col span={16}>
            <Form.Item name="roles" label={t('staffPage.columns.roles')} rules={[rule('roles')]}>
              <Select mode="tags" options={(roles.data ?? []).map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>{text('organisation', t('staffPage.columns.organisation'), 100)}</Col>
          <Col span={12}>{text('title', t('staffPage.columns.title'), 50)}</Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>{text('phone', t('fields.phone'), 30)}</Col>
          <Col span={12}>{text('expertise', t('staffPage.columns.expertise'), 200)}</Col>
          <Col span={4}>
            <Form.Item name="external" label={t('fields.external')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('fields.notes')} rules={[rule('notes')]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
