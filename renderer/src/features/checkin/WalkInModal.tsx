import { App, Form, Input, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkIdNumber } from '../../../../shared/idcard';
import {
  personFieldKey,
  personLabels,
  sexes,
  traineeFieldsSchema,
  traineeLimits,
  type TraineeFieldsInput,
} from '../../../../shared/trainees/schemas';
import { toFieldIssues } from '../../../../shared/validation';
import { api } from '../../api';
import { useFieldRule, useSubmit } from '../../app/form-issues';
import { FormModal } from '../../components/FormModal';

type Values = {
  name?: string;
  sex?: 'male' | 'female' | null;
  idNumber?: string;
  phone?: string;
  unit?: string;
  position?: string;
  note?: string;
};

const fields = ['name', 'sex', 'idNumber', 'phone', 'unit', 'position'] as const;

const traineeOf = (values: Values): TraineeFieldsInput => ({
  name: values.name ?? '',
  sex: values.sex ?? null,
  idNumber: values.idNumber ?? '',
  phone: values.phone ?? '',
  unit: values.unit ?? '',
  position: values.position ?? '',
});

// Someone at the desk who is not on the roster: added through the roster's own rules, checked in at once.
export const WalkInModal = ({ classId, initialName, onClose }: { classId: number; initialName: string; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const fieldRule = useFieldRule();
  const { saving, submit } = useSubmit(form, fields, /^trainee\./);
  const rule = (field: string) =>
    fieldRule(() => {
      const parsed = traineeFieldsSchema.safeParse(traineeOf(form.getFieldsValue(true)), { reportInput: true });
      return parsed.success ? [] : toFieldIssues(parsed.error.issues, personLabels);
    }, field);
  const save = () =>
    void submit(
      () => {
        const values = form.getFieldsValue(true);
        return api.checkin.walkIn({ classId, trainee: traineeOf(values), note: values.note ?? '' });
      },
      (done) => {
        message.success(done.summary);
        onClose();
      },
    );
  const onValuesChange = (changed: Values) => {
    if (changed.idNumber === undefined) return;
    const checked = checkIdNumber(changed.idNumber);
    if (checked.ok) form.setFieldsValue({ sex: checked.value.sex });
  };
  const text = (field: 'name' | 'idNumber' | 'phone' | 'unit' | 'position', max: number) => (
    <Form.Item name={field} label={t(personFieldKey(field))} rules={[rule(field)]} required={field === 'name'}>
      <Input maxLength={max} autoFocus={field === 'name'} />
    </Form.Item>
  );
  return (
    <FormModal title={t('checkinPage.walkInTitle')} width={560} saving={saving} onSave={save} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: initialName }}
        onValuesChange={onValuesChange}
        data-testid="walk-in-form"
      >
        {text('name', traineeLimits.name)}
        {text('idNumber', 30)}
        <Form.Item name="sex" label={t(personFieldKey('sex'))} rules={[rule('sex')]}>
          <Select allowClear options={sexes.map((sex) => ({ value: sex, label: t(`sex.${sex}`) }))} />
        </Form.Item>
        {text('phone', 30)}
        {text('unit', traineeLimits.unit)}
        {text('position', traineeLimits.position)}
        <Form.Item name="note" label={t('checkinPage.note')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};
