import { App, Form } from 'antd';
import type { Rule } from 'antd/es/form';
import type { ReactNode } from 'react';
import type { InputOf } from '../../../../shared/contract';
import { type Household, type HouseholdFieldsInput, householdFieldsSchema } from '../../../../shared/lodging/schemas';
import type { Result } from '../../../../shared/result';
import { type LabelKeys, toFieldIssues } from '../../../../shared/validation';
import { useFieldRule, useSubmit } from '../../app/form-issues';
import { FormModal } from '../../components/FormModal';

// What a lodging unit's form is opened with: the card's site, the unit to edit (none: a new one).
export type UnitFormProps = { siteId: number; editing?: Household | undefined; onClose: () => void };

type UnitFormShape<F extends string> = {
  // What the form asks and how: its title, width and test id, its fields laid out with their rules.
  title: string;
  width: number;
  testId: string;
  initialValues: Partial<HouseholdFieldsInput>;
  fieldNames: readonly F[];
  fields: (rule: (field: F) => Rule) => ReactNode;
  // The channel that saves it, the words that say it saved, and the names its issues give fields.
  save: (input: InputOf<'lodging.saveHousehold'>) => Promise<Result<Household>>;
  saved: (name: string) => string;
  labels?: LabelKeys | undefined;
};

// A household's and a room's forms are one form with other fields: the same schema checks it field by
// field, a save goes through its channel, and a refusal shows under the field it names.
export const LodgingUnitFormModal = <F extends string>({
  siteId,
  editing,
  onClose,
  ...shape
}: UnitFormProps & UnitFormShape<F>) => {
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const [form] = Form.useForm<HouseholdFieldsInput>();
  const { saving, submit } = useSubmit(form, shape.fieldNames, /^fields\./);
  const issues = () => {
    const parsed = householdFieldsSchema.safeParse(form.getFieldsValue(true), { reportInput: true });
    return parsed.success ? [] : toFieldIssues(parsed.error.issues, shape.labels);
  };
  const onSave = () =>
    void submit(
      () => shape.save({ siteId, id: editing?.id, fields: form.getFieldsValue(true) }),
      (value) => {
        message.success(shape.saved(value.head));
        onClose();
      },
    );
  return (
    <FormModal title={shape.title} width={shape.width} saving={saving} onSave={onSave} onClose={onClose}>
      <Form form={form} layout="vertical" initialValues={editing ?? shape.initialValues} data-testid={shape.testId}>
        {shape.fields((field) => fieldRule(issues, field))}
      </Form>
    </FormModal>
  );
};
