import { App, AutoComplete, Button, Col, Divider, Form, Input, Row, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../../../shared/errors';
import { checkIdNumber } from '../../../../shared/idcard';
import {
  enrolmentStatuses,
  type EnrolmentFields,
  sexes,
  type TraineeFieldsInput,
  personLabels,
  traineeFieldsSchema,
  traineeLimits,
  type TraineeSummary,
  personFieldKey,
} from '../../../../shared/trainees/schemas';
import { toFieldIssues } from '../../../../shared/validation';
import { api } from '../../api';
import { useFieldRule, useShowRefusal } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { FormModal } from '../../components/FormModal';
import { type RosterEntry } from '../../../../shared/roster/schemas';
import { educationWords, politicalStatusWords, usualEthnicity } from '../../../../shared/vocab/schemas';

type Props = {
  classId: number;
  editing?: RosterEntry | undefined;
  // Editing shows the full numbers: the roster reveals them (a logged call) before opening the form.
  revealed?: { idNumber: string; phone: string } | undefined;
  onClose: () => void;
};

type Values = {
  name?: string;
  sex?: 'male' | 'female' | null;
  ethnicity?: string;
  birthDate?: string;
  idNumber?: string;
  phone?: string;
  unit?: string;
  position?: string;
  rank?: string;
  politicalStatus?: string;
  education?: string;
  notes?: string;
  group?: number | null;
  role?: string;
  status?: EnrolmentFields['status'];
  enrolmentNotes?: string;
};

const personFields = [
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'phone',
  'unit',
  'position',
  'rank',
  'politicalStatus',
  'education',
  'notes',
] as const;

const traineeOf = (values: Values): TraineeFieldsInput => ({
  name: values.name ?? '',
  sex: values.sex ?? null,
  ethnicity: values.ethnicity ?? '',
  birthDate: values.birthDate?.trim() ? values.birthDate.trim() : null,
  idNumber: values.idNumber ?? '',
  phone: values.phone ?? '',
  unit: values.unit ?? '',
  position: values.position ?? '',
  rank: values.rank ?? '',
  politicalStatus: values.politicalStatus ?? '',
  education: values.education ?? '',
  notes: values.notes ?? '',
});

const enrolmentOf = (values: Values): EnrolmentFields => ({
  group: values.group ?? null,
  role: values.role ?? '',
  status: values.status ?? 'active',
  notes: values.enrolmentNotes ?? '',
});

// Add a person to the roster (someone the school knows, or someone new) or edit an entry.
export const TraineeFormModal = ({ classId, editing, revealed, onClose }: Props) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const showRefusal = useShowRefusal();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [lookup, setLookup] = useState('');
  const [existing, setExisting] = useState<TraineeSummary>();
  const roles = useQuery(() => api.vocab.get({ kind: 'classRole' }), 'vocab:classRole');
  const candidates = useQuery(
    () =>
      lookup.trim()
        ? api.trainees.search({ search: lookup, limit: 8 })
        : Promise.resolve({ ok: true as const, value: { items: [], total: 0, approximate: false } }),
    `lookup:${lookup}`,
  );

  const issuesOf = (values: Values): FieldIssue[] => {
    const parsed = traineeFieldsSchema.safeParse(traineeOf(values), { reportInput: true });
    return parsed.success ? [] : toFieldIssues(parsed.error.issues, personLabels);
  };
  // A person chosen from those the school knows is not edited here: nothing of theirs to check.
  const rule = (field: string) => fieldRule(() => (existing ? [] : issuesOf(form.getFieldsValue(true))), field);

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const values = form.getFieldsValue(true);
    setSaving(true);
    const result = editing
      ? await api.roster.update({ enrolmentId: editing.enrolmentId, trainee: traineeOf(values), enrolment: enrolmentOf(values) })
      : await api.roster.add(
          existing
            ? { classId, traineeId: existing.id, enrolment: enrolmentOf(values) }
            : { classId, trainee: traineeOf(values), enrolment: enrolmentOf(values) },
        );
    setSaving(false);
    if (!result.ok) {
      showRefusal(form, result.error, personFields, /^(trainee|enrolment)\./);
      return;
    }
    message.success(editing ? t('roster.saved') : t('roster.form.added', { name: result.value.name }));
    onClose();
  };

  // A valid ID number fills in birth date and sex as it is typed.
  const onValuesChange = (changed: Values) => {
    if (changed.idNumber === undefined) return;
    const checked = checkIdNumber(changed.idNumber);
    if (checked.ok) form.setFieldsValue({ birthDate: checked.value.birthDate, sex: checked.value.sex });
  };

  const initial: Values = editing
    ? {
        name: editing.name,
        sex: editing.sex,
        ethnicity: editing.ethnicity,
        birthDate: editing.birthDate ?? '',
        idNumber: revealed?.idNumber ?? '',
        phone: revealed?.phone ?? '',
        unit: editing.unit,
        position: editing.position,
        rank: editing.rank,
        politicalStatus: editing.politicalStatus,
        education: editing.education,
        notes: editing.notes,
        group: editing.group,
        role: editing.role,
        status: editing.status,
        enrolmentNotes: editing.enrolmentNotes,
      }
    : { status: 'active', ethnicity: usualEthnicity };
  const text = (field: (typeof personFields)[number], max: number, extra: Partial<Parameters<typeof Form.Item>[0]> = {}) => (
    <Form.Item name={field} label={t(personFieldKey(field))} rules={[rule(field)]} {...extra}>
      <Input maxLength={max} disabled={existing !== undefined} />
    </Form.Item>
  );

  return (
    <FormModal
      title={editing ? t('roster.form.editTitle', { name: editing.name }) : t('roster.form.addTitle')}
      width={820}
      saving={saving}
      onSave={() => void submit()}
      onClose={onClose}
    >
      {!editing && (
        <>
          <Typography.Text strong>{t('roster.form.existing')}</Typography.Text>
          {existing ? (
            <Space style={{ display: 'flex', margin: '8px 0' }}>
              <Typography.Text>{t('roster.form.chosen', { name: existing.name, unit: existing.unit || '—' })}</Typography.Text>
              <Button size="small" onClick={() => setExisting(undefined)}>
                {t('roster.form.clear')}
              </Button>
            </Space>
          ) : (
            <AutoComplete
              style={{ width: '100%', margin: '8px 0' }}
              value={lookup}
              onChange={setLookup}
              placeholder={t('roster.form.existingPlaceholder')}
              aria-label={t('roster.form.existing')}
              options={(candidates.data?.items ?? []).map((person) => ({
                value: String(person.id),
                label: [person.name, person.unit, person.idNumberMasked].filter(Boolean).join(t('text.space')),
              }))}
              onSelect={(value: string) => {
                setExisting(candidates.data?.items.find((person) => String(person.id) === value));
                setLookup('');
              }}
            />
          )}
          <Divider plain style={{ margin: '8px 0 16px' }}>
            {t('roster.form.orNew')}
          </Divider>
        </>
      )}
      <Form form={form} layout="vertical" initialValues={initial} onValuesChange={onValuesChange} data-testid="trainee-form">
        <Typography.Title level={5}>{t('roster.form.person')}</Typography.Title>
        <Row gutter={16}>
          <Col span={6}>{text('name', traineeLimits.name, { required: !existing })}</Col>
          <Col span={4}>
            <Form.Item name="sex" label={t('fields.sex')}>
              <Select
                allowClear
                disabled={existing !== undefined}
                options={sexes.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))}
              />
            </Form.Item>
          </Col>
          <Col span={4}>{text('ethnicity', traineeLimits.short)}</Col>
          <Col span={10}>{text('idNumber', 18)}</Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>{text('birthDate', 10, { extra: t('roster.form.birthDateHint') })}</Col>
          <Col span={8}>{text('phone', traineeLimits.short)}</Col>
          <Col span={5}>
            <Form.Item name="politicalStatus" label={t('fields.politicalStatus')}>
              <AutoComplete disabled={existing !== undefined} options={politicalStatusWords.map((value) => ({ value }))} />
            </Form.Item>
          </Col>
          <Col span={5}>
            <Form.Item name="education" label={t('fields.education')}>
              <AutoComplete disabled={existing !== undefined} options={educationWords.map((value) => ({ value }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={10}>{text('unit', traineeLimits.unit)}</Col>
          <Col span={8}>{text('position', traineeLimits.position)}</Col>
          <Col span={6}>{text('rank', traineeLimits.short)}</Col>
        </Row>
        <Typography.Title level={5}>{t('roster.form.inClass')}</Typography.Title>
        <Row gutter={16}>
          <Col span={6}>
            <Form.Item name="group" label={t('fields.group')}>
              <Select
                allowClear
                options={Array.from({ length: 20 }, (_, i) => ({ value: i + 1, label: t('roster.groupN', { n: i + 1 }) }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="role" label={t('fields.role')}>
              <Select allowClear showSearch options={(roles.data ?? []).map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="status" label={t('fields.status')}>
              <Select options={enrolmentStatuses.map((status) => ({ value: status, label: t(`enrolmentStatus.${status}`) }))} />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="enrolmentNotes" label={t('fields.notes')}>
              <Input maxLength={traineeLimits.notes} />
            </Form.Item>
          </Col>
        </Row>
      </Form>
    </FormModal>
  );
};
