import { App, Col, DatePicker, Form, Input, InputNumber, Row, Select, Spin } from 'antd';
import type { Rule } from 'antd/es/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { classLimits } from '../../../../shared/classes/schemas';
import { api } from '../../api';
import { useFieldRule, useShowRefusal } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { FormModal } from '../../components/FormModal';
import { type ClassFormValues, fromClass, toFields, validateClassForm } from './form-values';

type Props = {
  editing?: TrainingClass | undefined;
  onClose: () => void;
  onSaved: (saved: TrainingClass) => void;
};

const fieldNames = [
  'name',
  'category',
  'year',
  'startDate',
  'endDate',
  'location',
  'sponsor',
  'headTeacher',
  'plannedSize',
  'goals',
  'notes',
] as const;

// Create and edit share one form. Mounted only while open, so each opening starts from the record.
export const ClassFormModal = ({ editing, onClose, onSaved }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const showRefusal = useShowRefusal();
  const [form] = Form.useForm<ClassFormValues>();
  const [saving, setSaving] = useState(false);
  const categories = useQuery(() => api.vocab.get({ kind: 'classCategory' }), 'vocab:classCategory');
  const options = [...new Set([...(categories.data ?? []), ...(editing ? [editing.category] : [])])];

  // Each field checks the whole form with the shared schema and shows only its own problem,
  // so "end before start" appears as soon as both dates are there.
  const rule = (field: string) => fieldRule(() => validateClassForm(form.getFieldsValue(true), !editing), field);
  const label = (field: (typeof fieldNames)[number]) => t(`fields.${field}`);
  const required = new Set(['name', 'category', 'startDate', 'endDate']);
  const item = (field: (typeof fieldNames)[number], extra: Rule[] = []) => ({
    name: field,
    label: label(field),
    rules: [rule(field), ...extra],
    required: required.has(field),
    validateFirst: true,
  });

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      message.warning(t('classes.form.fixErrors'));
      return;
    }
    const fields = toFields(form.getFieldsValue(true));
    setSaving(true);
    // A new class's category was checked above; an empty one would be refused by the core, naming it.
    const result = editing
      ? await api.classes.update({ id: editing.id, fields })
      : await api.classes.create({ ...fields, category: fields.category ?? '' });
    setSaving(false);
    if (!result.ok) {
      showRefusal(form, result.error, fieldNames);
      return;
    }
    message.success(t(editing ? 'classes.form.updated' : 'classes.form.created', { name: result.value.name }));
    onSaved(result.value);
  };

  return (
    <FormModal
      title={editing ? t('classes.form.editTitle', { name: editing.name }) : t('classes.form.createTitle')}
      width={760}
      saving={saving}
      onSave={() => void submit()}
      onClose={onClose}
    >
      {!categories.data ? (
        <Spin style={{ display: 'block', margin: '48px auto' }} />
      ) : (
        <Form
          form={form}
          layout="vertical"
          // A new class starts with no category: the person chooses one (no silent 主体班).
          initialValues={editing ? fromClass(editing) : {}}
          // Enter confirms a date in a picker, so saving from the keyboard is Ctrl+Enter.
          onKeyDown={(event) => {
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) void submit();
          }}
          data-testid="class-form"
          requiredMark
        >
          <Form.Item {...item('name')}>
            <Input maxLength={classLimits.name} placeholder={t('classes.form.namePlaceholder')} autoFocus />
          </Form.Item>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item {...item('category')}>
                <Select
                  options={options.map((value) => ({ value, label: value }))}
                  showSearch
                  placeholder={t('classes.form.categoryPlaceholder')}
                />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item {...item('year')}>
                <InputNumber style={{ width: '100%' }} placeholder={t('classes.form.yearPlaceholder')} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            {/* Both dates are required: no clear button (it would also be one more stop for Tab). */}
            <Col span={12}>
              <Form.Item {...item('startDate')}>
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item {...item('endDate')} dependencies={['startDate']}>
                <DatePicker style={{ width: '100%' }} allowClear={false} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item {...item('location')}>
                <Input maxLength={classLimits.text} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item {...item('sponsor')}>
                <Input maxLength={classLimits.text} />
              </Form.Item>
            </Col>
          </Row>
          <Row gutter={16}>
            <Col span={12}>
              <Form.Item {...item('headTeacher')}>
                <Input maxLength={classLimits.person} />
              </Form.Item>
            </Col>
            <Col span={12}>
              <Form.Item {...item('plannedSize')}>
                <InputNumber style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item {...item('goals')} extra={t('classes.form.goalsHint')}>
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 8 }} maxLength={classLimits.long} />
          </Form.Item>
          <Form.Item {...item('notes')}>
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} maxLength={classLimits.long} />
          </Form.Item>
        </Form>
      )}
    </FormModal>
  );
};
