import { App, DatePicker, Form, Input, Select, Spin } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { stayDefaultsOf } from '../../../../shared/lodging/four-together';
import { type Stay, stayFieldsSchema } from '../../../../shared/lodging/schemas';
import type { Session } from '../../../../shared/schedule/schemas';
import { toFieldIssues } from '../../../../shared/validation';
import { isLodgingKind, isRoomKind } from '../../../../shared/vocab/schemas';
import { api } from '../../api';
import { useFieldRule, useSubmit } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { FormModal } from '../../components/FormModal';

type Values = { siteId?: number; arrive?: Dayjs | null; depart?: Dayjs | null; groups?: number[]; notes?: string };

const fieldNames = ['siteId', 'arrive', 'depart', 'groups', 'notes'] as const;

// A class's stay in a village: where, from which day to which, and which groups.
export const StayFormModal = ({
  target,
  editing,
  groups,
  sessions,
  stays,
  onClose,
  onSaved,
}: {
  target: TrainingClass;
  editing?: Stay | undefined;
  groups: readonly number[];
  // The class's schedule and its stays: a new stay starts on the 四同 sessions' days not yet held.
  sessions: readonly Session[] | undefined;
  stays: readonly Stay[];
  onClose: () => void;
  onSaved: (stay: Stay) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const [form] = Form.useForm<Values>();
  const { saving, submit } = useSubmit(form, fieldNames, /^fields\./);
  const sites = useQuery(() => api.sites.tree({}), 'sites:');
  const villages = (sites.data?.bases ?? [])
    .flatMap((base) => base.points)
    .filter((point) => isLodgingKind(point.kind))
    .sort((a, b) => Number(isRoomKind(a.kind)) - Number(isRoomKind(b.kind)));
  const fields = () => {
    const values = form.getFieldsValue(true);
    return {
      siteId: values.siteId ?? 0,
      arrive: values.arrive ? values.arrive.format('YYYY-MM-DD') : '',
      depart: values.depart ? values.depart.format('YYYY-MM-DD') : '',
      groups: values.groups ?? [],
      notes: values.notes ?? '',
    };
  };
  const issues = () => {
    const parsed = stayFieldsSchema.safeParse(fields(), { reportInput: true });
    return parsed.success ? [] : toFieldIssues(parsed.error.issues, { groups: 'fields.groupsList', siteId: 'fields.siteId' });
  };
  const rule = (field: (typeof fieldNames)[number]) => fieldRule(issues, field);
  const save = () =>
    submit(
      () => api.lodging.saveStay({ classId: target.id, id: editing?.id, fields: fields() }),
      (value) => {
        message.success(t('sitesPage.saved', { name: value.siteName }));
        onSaved(value);
        onClose();
      },
    );
  // A new stay: the class's 四同 days and their village; with none in the schedule, its first three days.
  const fromSchedule = stayDefaultsOf(sessions ?? [], stays, target.endDate);
  const village = villages.find((v) => v.id === fromSchedule?.siteId) ?? villages[0];
  const inClass = (day: Dayjs) => day.format('YYYY-MM-DD') < target.startDate || day.format('YYYY-MM-DD') > target.endDate;
  return (
    <FormModal
      title={editing ? t('lodgingPage.editStayTitle') : t('lodgingPage.stayTitle')}
      width={560}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      {/* The villages first: the form opens with the first of them chosen. */}
      {!sites.data || !sessions ? (
        <Spin />
      ) : (
        <Form
          form={form}
          layout="vertical"
          data-testid="stay-form"
          initialValues={
            editing
              ? { ...editing, arrive: dayjs(editing.arrive), depart: dayjs(editing.depart) }
              : {
                  siteId: village?.id,
                  groups: [],
                  arrive: dayjs(fromSchedule?.arrive ?? target.startDate),
                  depart: fromSchedule ? dayjs(fromSchedule.depart) : dayjs(target.startDate).add(2, 'day'),
                }
          }
        >
          <Form.Item name="siteId" label={t('lodgingPage.village')} required rules={[rule('siteId')]}>
            <Select
              options={villages.map((village) => ({
                value: village.id,
                // A dormitory or hotel says so: its units are rooms.
                label: isRoomKind(village.kind) ? t('text.withNote', { text: village.name, note: village.kind }) : village.name,
              }))}
            />
          </Form.Item>
          <Form.Item label={`${t('lodgingPage.arrive')} — ${t('lodgingPage.depart')}`} required style={{ marginBottom: 0 }}>
            <Form.Item name="arrive" rules={[rule('arrive')]} style={{ display: 'inline-block', marginInlineEnd: 8 }}>
              <DatePicker disabledDate={inClass} aria-label={t('lodgingPage.arrive')} />
            </Form.Item>
            <Form.Item name="depart" rules={[rule('depart')]} style={{ display: 'inline-block' }}>
              <DatePicker disabledDate={inClass} aria-label={t('lodgingPage.depart')} />
            </Form.Item>
          </Form.Item>
          <Form.Item name="groups" label={t('lodgingPage.stayGroups')} rules={[rule('groups')]}>
            <Select
              mode="multiple"
              allowClear
              placeholder={t('lodgingPage.wholeClass')}
              options={groups.map((group) => ({ value: group, label: t('roster.groupN', { n: group }) }))}
            />
          </Form.Item>
          <Form.Item name="notes" label={t('fields.notes')} rules={[rule('notes')]}>
            <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 3 }} />
          </Form.Item>
        </Form>
      )}
    </FormModal>
  );
};
