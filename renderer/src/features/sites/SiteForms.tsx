import { Col, Form, Input, InputNumber, Rate, Row, Select, Switch, DatePicker, App } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  type Base,
  type BaseFields,
  baseFieldsSchema,
  type PointDetail,
  type PointFieldsInput,
  pointFieldsSchema,
  reviewAspects,
  reviewFieldsSchema,
} from '../../../../shared/sites/schemas';
import { toFieldIssues } from '../../../../shared/validation';
import { api } from '../../api';
import { useFieldRule, useSubmit } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { FormModal } from '../../components/FormModal';

// The forms of the sites page: a base, a teaching point, a review.

export const BaseFormModal = ({ editing, onClose }: { editing?: Base | undefined; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const [form] = Form.useForm<BaseFields>();
  const { saving, submit } = useSubmit(form, ['name', 'address', 'notes'], /^fields\./);
  const labels = { name: 'fields.baseName' } as const;
  const issues = () => {
    const parsed = baseFieldsSchema.safeParse(form.getFieldsValue(true), { reportInput: true });
    return parsed.success ? [] : toFieldIssues(parsed.error.issues, labels);
  };
  const save = () =>
    submit(
      () => api.sites.saveBase({ id: editing?.id, fields: form.getFieldsValue(true) }),
      (value) => {
        message.success(t('sitesPage.saved', { name: value.name }));
        onClose();
      },
    );
  return (
    <FormModal
      title={editing ? t('sitesPage.editBaseTitle', { name: editing.name }) : t('sitesPage.baseTitle')}
      width={560}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={editing ?? { active: true }} data-testid="base-form">
        <Form.Item name="name" label={t('fields.baseName')} required rules={[fieldRule(issues, 'name')]}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="address" label={t('fields.address')} rules={[fieldRule(issues, 'address')]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="notes" label={t('fields.notes')} rules={[fieldRule(issues, 'notes')]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 4 }} />
        </Form.Item>
        <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

type PointValues = Omit<PointFieldsInput, 'capacity' | 'minutesFromSchool'> & {
  capacity?: number | null;
  minutesFromSchool?: number | null;
};

const pointFieldNames = [
  'baseId',
  'name',
  'kind',
  'address',
  'township',
  'contactName',
  'contactPhone',
  'guideStaffId',
  'guideName',
  'capacity',
  'topics',
  'modules',
  'minutesFromSchool',
  'notes',
] as const;

export const PointFormModal = ({
  editing,
  baseId,
  onClose,
  onSaved,
}: {
  editing?: PointDetail | undefined;
  baseId?: number | null;
  onClose: () => void;
  onSaved?: (id: number) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const [form] = Form.useForm<PointValues>();
  const { saving, submit } = useSubmit(form, pointFieldNames, /^fields\./);
  const bases = useQuery(() => api.sites.tree({ includeInactive: true }), 'sites:all');
  const kinds = useQuery(() => api.vocab.get({ kind: 'siteKind' }), 'vocab:siteKind');
  const modules = useQuery(() => api.vocab.get({ kind: 'module' }), 'vocab:module');
  const staff = useQuery(() => api.staff.list({}), 'staff:');
  const labels = { name: 'fields.pointName', kind: 'fields.pointKind' } as const;
  const fields = (): PointFieldsInput => {
    const values = form.getFieldsValue(true);
    return { ...values, capacity: values.capacity ?? null, minutesFromSchool: values.minutesFromSchool ?? null };
  };
  const issues = () => {
    const parsed = pointFieldsSchema.safeParse(fields(), { reportInput: true });
    return parsed.success ? [] : toFieldIssues(parsed.error.issues, labels);
  };
  const rule = (field: (typeof pointFieldNames)[number]) => fieldRule(issues, field);
  const save = () =>
    submit(
      () => api.sites.savePoint({ id: editing?.id, fields: fields() }),
      (value) => {
        message.success(t('sitesPage.saved', { name: value.name }));
        onSaved?.(value.id);
        onClose();
      },
    );
  const text = (field: (typeof pointFieldNames)[number], label: string, max: number) => (
    <Form.Item name={field} label={label} rules={[rule(field)]}>
      <Input maxLength={max} />
    </Form.Item>
  );
  return (
    <FormModal
      title={editing ? t('sitesPage.editPointTitle', { name: editing.name }) : t('sitesPage.pointTitle')}
      width={760}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={editing ?? { baseId: baseId ?? null, modules: [], active: true, capacity: null, minutesFromSchool: null }}
        data-testid="point-form"
      >
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="name" label={t('fields.pointName')} required rules={[rule('name')]}>
              <Input maxLength={100} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="baseId" label={t('fields.baseId')} rules={[rule('baseId')]}>
              <Select
                allowClear
                placeholder={t('sitesPage.noBase')}
                options={(bases.data?.bases ?? []).filter((b) => b.id > 0).map((b) => ({ value: b.id, label: b.name }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="kind" label={t('fields.pointKind')} rules={[rule('kind')]}>
              <Select allowClear options={(kinds.data ?? []).map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="capacity" label={t('fields.capacity')} rules={[rule('capacity')]}>
              <InputNumber min={1} max={10000} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="minutesFromSchool" label={t('fields.minutesFromSchool')} rules={[rule('minutesFromSchool')]}>
              <InputNumber min={0} max={1440} precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={16}>{text('address', t('fields.address'), 200)}</Col>
          <Col span={8}>{text('township', t('fields.township'), 50)}</Col>
        </Row>
        <Row gutter={16}>
          <Col span={6}>{text('contactName', t('fields.contactName'), 50)}</Col>
          <Col span={6}>{text('contactPhone', t('fields.contactPhone'), 30)}</Col>
          <Col span={6}>
            <Form.Item name="guideStaffId" label={t('fields.guideStaffId')} rules={[rule('guideStaffId')]}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder={t('sitesPage.guideFromStaff')}
                options={(staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
              />
            </Form.Item>
          </Col>
          <Col span={6}>
            <Form.Item name="guideName" label=" " rules={[rule('guideName')]}>
              <Input maxLength={50} placeholder={t('sitesPage.guideByName')} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="modules" label={t('fields.modules')} rules={[rule('modules')]}>
          <Select mode="multiple" options={(modules.data ?? []).map((value) => ({ value, label: value }))} />
        </Form.Item>
        <Form.Item name="topics" label={t('fields.topics')} rules={[rule('topics')]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item name="notes" label={t('fields.notes')} rules={[rule('notes')]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
        <Form.Item name="active" label={t('fields.active')} valuePropName="checked">
          <Switch />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

type ReviewValues = Record<(typeof reviewAspects)[number], number> & {
  reviewedOn?: Dayjs | null;
  reviewer?: string;
  notes?: string;
};

export const ReviewModal = ({ point, onClose }: { point: PointDetail; onClose: () => void }) => {
  const { t } = useTranslation();
  const fieldRule = useFieldRule();
  const [form] = Form.useForm<ReviewValues>();
  const { saving, submit } = useSubmit(form, [...reviewAspects, 'reviewedOn', 'reviewer', 'notes'], /^review\./);
  const review = () => {
    const { reviewedOn, ...rest } = form.getFieldsValue(true);
    return { ...rest, reviewedOn: reviewedOn ? reviewedOn.format('YYYY-MM-DD') : '' };
  };
  const issues = () => {
    const parsed = reviewFieldsSchema.safeParse(review(), { reportInput: true });
    return parsed.success ? [] : toFieldIssues(parsed.error.issues);
  };
  const save = () => submit(() => api.sites.addReview({ id: point.id, review: review() }), onClose);
  return (
    <FormModal
      title={t('sitesPage.reviewTitle', { name: point.name })}
      width={520}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 6 }}
        initialValues={{ reviewedOn: dayjs(), ...Object.fromEntries(reviewAspects.map((aspect) => [aspect, 4])) }}
        data-testid="review-form"
      >
        <Form.Item name="reviewedOn" label={t('fields.reviewedOn')} rules={[fieldRule(issues, 'reviewedOn')]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="reviewer" label={t('fields.reviewer')}>
          <Input maxLength={50} />
        </Form.Item>
        {reviewAspects.map((aspect) => (
          <Form.Item key={aspect} name={aspect} label={t(`fields.${aspect}`)} rules={[fieldRule(issues, aspect)]}>
            <Rate aria-label={t(`fields.${aspect}`)} />
          </Form.Item>
        ))}
        <Form.Item name="notes" label={t('fields.notes')}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
