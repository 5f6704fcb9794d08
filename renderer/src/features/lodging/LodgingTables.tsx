import { EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, DatePicker, Flex, Form, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { chineseWeekday, monthDay } from '../../../../shared/dates';

const dayText = (t: TFunction, date: string) =>
  t('documents.dayHeading', { date: monthDay(date), weekday: chineseWeekday(date) });
import {
  type Meal,
  mealValues,
  type Participant,
  type Participation,
  participationValues,
  type Payment,
  type PlanDay,
  type Stay,
} from '../../../../shared/lodging/schemas';
import { isFourTogether, sessionsOfStay } from '../../../../shared/lodging/four-together';
import { type Session, slotOf } from '../../../../shared/schedule/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useSubmit } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { FormModal } from '../../components/FormModal';

const DayModal = ({ stay, day, onClose }: { stay: Stay; day: PlanDay; onClose: () => void }) => {
  const { t } = useTranslation();
  const [form] = Form.useForm<Omit<PlanDay, 'date' | 'households' | 'people'>>();
  const { saving, submit } = useSubmit(
    form,
    ['meals', 'study', 'labourTask', 'labourField', 'labourHours', 'labourLeader'],
    /^day\./,
  );
  const save = () => {
    const values = form.getFieldsValue(true);
    return submit(
      () =>
        api.lodging.savePlanDay({
          stayId: stay.id,
          day: {
            date: day.date,
            meals: values.meals ?? [],
            study: values.study ?? '',
            labourTask: values.labourTask ?? '',
            labourField: values.labourField ?? '',
            labourHours: values.labourHours ?? 0,
            labourLeader: values.labourLeader ?? '',
          },
        }),
      onClose,
    );
  };
  return (
    <FormModal
      title={t('lodgingPage.dayTitle', { date: dayText(t, day.date) })}
      width={560}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={day} data-testid="day-form">
        <Form.Item name="meals" label={t('fields.meals')}>
          <Checkbox.Group options={mealValues.map((meal) => ({ value: meal, label: t(`lodging.meals.${meal}`) }))} />
        </Form.Item>
        <Form.Item name="study" label={t('fields.study')}>
          <Input maxLength={300} />
        </Form.Item>
        <Flex gap={16}>
          <Form.Item name="labourTask" label={t('fields.labourTask')} style={{ flex: 1 }}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item name="labourField" label={t('fields.labourField')} style={{ flex: 1 }}>
            <Input maxLength={100} />
          </Form.Item>
        </Flex>
        <Space size={16}>
          <Form.Item name="labourHours" label={t('fields.labourHours')}>
            <InputNumber min={0} max={24} step={0.5} />
          </Form.Item>
          <Form.Item name="labourLeader" label={t('fields.labourLeader')}>
            <Input maxLength={50} />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
};

// The plan day by day, beside the class's own schedule for those days (its 四同 sessions marked):
// what the village is told to expect, checked against what the school has planned.
export const PlanTable = ({ stay, sessions, readOnly }: { stay: Stay; sessions: readonly Session[]; readOnly: boolean }) => {
  const { t } = useTranslation();
  const ofStay = sessionsOfStay(sessions, stay);
  const [editing, setEditing] = useState<PlanDay>();
  const plan = useQuery(() => api.lodging.plan({ stayId: stay.id }), `plan:${stay.id}`);
  const meals = (list: readonly Meal[]) => list.map((meal) => t(`lodging.meals.${meal}`)).join(t('text.list')) || '—';
  return (
    <>
      <Table<PlanDay>
        rowKey="date"
        size="small"
        pagination={false}
        data-testid="plan-table"
        dataSource={plan.data ?? []}
        columns={[
          { key: 'date', title: t('lodgingPage.planColumns.date'), width: 150, render: (_, d) => dayText(t, d.date) },
          {
            key: 'sessions',
            title: t('lodgingPage.planColumns.sessions'),
            render: (_, d) => {
              const day = ofStay.filter((session) => session.date === d.date);
              return day.length === 0 ? (
                <Typography.Text type="secondary">{t('lodgingPage.noSessions')}</Typography.Text>
              ) : (
                <Flex vertical gap={2} data-testid={`plan-sessions-${d.date}`}>
                  {day.map((session) => (
                    <Typography.Text key={session.id} strong={isFourTogether(session)} style={{ fontSize: 12 }}>
                      {t('lodgingPage.sessionLine', {
                        slot: t(`schedulePage.slots.${slotOf(session.start)}`),
                        title: session.title,
                      })}
                    </Typography.Text>
                  ))}
                </Flex>
              );
            },
          },
          { key: 'meals', title: t('lodgingPage.planColumns.meals'), width: 120, render: (_, d) => meals(d.meals) },
          {
            key: 'lodging',
            title: t('lodgingPage.planColumns.lodging'),
            width: 110,
            render: (_, d) => (d.date === stay.depart ? t('lodgingPage.departDay') : t('lodgingPage.lodged', d)),
          },
          { key: 'study', title: t('lodgingPage.planColumns.study'), dataIndex: 'study' },
          {
            key: 'labour',
            title: t('lodgingPage.planColumns.labour'),
            render: (_, d) =>
              d.labourField ? t('lodging.doc.labourAt', { task: d.labourTask, field: d.labourField }) : d.labourTask,
          },
          {
            key: 'hours',
            title: t('lodgingPage.planColumns.hours'),
            width: 80,
            align: 'center',
            render: (_, d) => (d.labourHours > 0 ? d.labourHours : ''),
          },
          { key: 'leader', title: t('lodgingPage.planColumns.leader'), width: 80, dataIndex: 'labourLeader' },
          {
            key: 'edit',
            width: 70,
            render: (_, d) => (
              <Button size="small" icon={<EditOutlined />} disabled={readOnly} onClick={() => setEditing(d)}>
                {t('lodgingPage.editDay')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <DayModal stay={stay} day={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
};

const ParticipantModal = ({ stay, person, onClose }: { stay: Stay; person: Participant; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [form] = Form.useForm<{ participation: Participation; labourHours: number | null; reflection: string }>();
  const { saving, submit } = useSubmit(form, ['participation', 'labourHours', 'reflection']);
  const save = () => {
    const values = form.getFieldsValue(true);
    return submit(
      () =>
        api.lodging.saveParticipant({
          stayId: stay.id,
          enrolmentId: person.enrolmentId,
          participation: values.participation,
          labourHours: values.labourHours ?? null,
          reflection: values.reflection ?? '',
        }),
      onClose,
    );
  };
  const attach = async () => {
    const chosen = await api.files.chooseOpen({ purpose: 'attachment' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    if (!chosen.value.grant) return;
    const result = await api.lodging.attachReflection({
      stayId: stay.id,
      enrolmentId: person.enrolmentId,
      grant: chosen.value.grant,
    });
    if (!result.ok) return message.error(errorText(result.error));
    message.success(t('lodgingPage.attached', { name: result.value.reflectionFile ?? '' }));
  };
  return (
    <FormModal
      title={t('lodgingPage.participantTitle', { name: person.name })}
      width={600}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form form={form} layout="vertical" initialValues={person} data-testid="participant-form">
        <Space size={16} align="start">
          <Form.Item name="participation" label={t('fields.participation')}>
            <Select
              style={{ width: 140 }}
              options={participationValues.map((value) => ({ value, label: t(`lodging.participation.${value}`) }))}
            />
          </Form.Item>
          <Form.Item
            name="labourHours"
            label={t('fields.labourHours')}
            extra={t('lodgingPage.plannedHours', { hours: person.plannedHours })}
          >
            <InputNumber min={0} max={500} step={0.5} placeholder={t('lodgingPage.hoursHint')} style={{ width: 180 }} />
          </Form.Item>
        </Space>
        <Form.Item name="reflection" label={t('fields.reflection')}>
          <Input.TextArea maxLength={5000} autoSize={{ minRows: 3, maxRows: 10 }} />
        </Form.Item>
        <Space>
          <Button icon={<PaperClipOutlined />} onClick={() => void attach()}>
            {t('lodgingPage.attach')}
          </Button>
          {person.reflectionFile && <Tag icon={<PaperClipOutlined />}>{person.reflectionFile}</Tag>}
        </Space>
      </Form>
    </FormModal>
  );
};

export const ParticipantsTable = ({ stay, readOnly }: { stay: Stay; readOnly: boolean }) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Participant>();
  const people = useQuery(() => api.lodging.participants({ stayId: stay.id }), `participants:${stay.id}`);
  return (
    <>
      <Table<Participant>
        rowKey="enrolmentId"
        size="small"
        data-testid="participants-table"
        dataSource={people.data ?? []}
        pagination={{ pageSize: 50, hideOnSinglePage: true, showSizeChanger: false }}
        columns={[
          { key: 'name', title: t('lodgingPage.participantColumns.name'), width: 100, dataIndex: 'name' },
          {
            key: 'group',
            title: t('lodgingPage.participantColumns.group'),
            width: 80,
            render: (_, p) => (p.group === null ? '' : t('roster.groupN', { n: p.group })),
          },
          { key: 'household', title: t('lodgingPage.participantColumns.household'), width: 100, dataIndex: 'household' },
          {
            key: 'participation',
            title: t('lodgingPage.participantColumns.participation'),
            width: 100,
            render: (_, p) => (
              <Tag color={p.participation === 'full' ? 'green' : p.participation === 'partial' ? 'orange' : 'red'}>
                {t(`lodging.participation.${p.participation}`)}
              </Tag>
            ),
          },
          {
            key: 'hours',
            title: t('lodgingPage.participantColumns.hours'),
            width: 90,
            align: 'center',
            render: (_, p) => p.labourHours ?? (p.participation === 'absent' ? 0 : p.plannedHours),
          },
          {
            key: 'reflection',
            title: t('lodgingPage.participantColumns.reflection'),
            render: (_, p) =>
              p.reflectionFile ? (
                <Tag icon={<PaperClipOutlined />}>{p.reflectionFile}</Tag>
              ) : p.reflection ? (
                <Typography.Text ellipsis style={{ maxWidth: 320 }}>
                  {p.reflection}
                </Typography.Text>
              ) : (
                <Typography.Text type="secondary">{t('lodgingPage.noReflection')}</Typography.Text>
              ),
          },
          {
            key: 'edit',
            width: 70,
            render: (_, p) => (
              <Button size="small" disabled={readOnly} onClick={() => setEditing(p)}>
                {t('lodgingPage.record')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <ParticipantModal stay={stay} person={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
};

const PaymentModal = ({ classId, payment, onClose }: { classId: number; payment: Payment; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ nights: number; people: number; amount: number; paidOn: Dayjs | null; notes: string }>();
  const { saving, submit } = useSubmit(form, ['nights', 'people', 'amount', 'paidOn', 'notes']);
  const save = () => {
    const values = form.getFieldsValue(true);
    return submit(
      () =>
        api.lodging.setPayment({
          classId,
          householdId: payment.householdId,
          nights: values.nights ?? 0,
          people: values.people ?? 0,
          amount: values.amount ?? 0,
          paidOn: values.paidOn ? values.paidOn.format('YYYY-MM-DD') : null,
          notes: values.notes ?? '',
        }),
      () => {
        message.success(t('lodgingPage.paymentSaved', { head: payment.head }));
        onClose();
      },
    );
  };
  return (
    <FormModal
      title={t('lodgingPage.paymentTitle', { head: payment.head })}
      width={480}
      saving={saving}
      onSave={() => void save()}
      onClose={onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          nights: payment.nights ?? payment.placedNights,
          people: payment.people ?? payment.placedPeople,
          amount: payment.amount ?? 0,
          paidOn: payment.paidOn ? dayjs(payment.paidOn) : null,
          notes: payment.notes,
        }}
      >
        <Space size={16}>
          <Form.Item name="nights" label={t('fields.nights')}>
            <InputNumber min={0} max={365} precision={0} />
          </Form.Item>
          <Form.Item name="people" label={t('fields.people')}>
            <InputNumber min={0} max={50} precision={0} />
          </Form.Item>
          <Form.Item name="amount" label={t('fields.amount')}>
            <InputNumber min={0} max={1000000} precision={2} />
          </Form.Item>
        </Space>
        <Form.Item name="paidOn" label={t('fields.paidOn')}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="notes" label={t('fields.notes')}>
          <Input maxLength={200} />
        </Form.Item>
      </Form>
    </FormModal>
  );
};

export const PaymentsTable = ({ classId, readOnly }: { classId: number; readOnly: boolean }) => {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Payment>();
  const payments = useQuery(() => api.lodging.payments({ classId }), `payments:${classId}`);
  return (
    <>
      <Table<Payment>
        rowKey="householdId"
        size="small"
        pagination={false}
        data-testid="payments-table"
        dataSource={payments.data ?? []}
        summary={(rows) => (
          <Table.Summary.Row>
            <Table.Summary.Cell index={0} colSpan={5} />
            <Table.Summary.Cell index={5}>{rows.reduce((sum, row) => sum + (row.amount ?? 0), 0).toFixed(2)}</Table.Summary.Cell>
            <Table.Summary.Cell index={6} colSpan={2} />
          </Table.Summary.Row>
        )}
        columns={[
          { key: 'site', title: t('lodgingPage.paymentColumns.site'), dataIndex: 'siteName', width: 130 },
          { key: 'head', title: t('lodgingPage.paymentColumns.head'), dataIndex: 'head', width: 90 },
          {
            key: 'placed',
            title: t('lodgingPage.paymentColumns.placed'),
            width: 110,
            render: (_, p) => t('lodgingPage.placedValue', { nights: p.placedNights, people: p.placedPeople }),
          },
          {
            key: 'nights',
            title: t('lodgingPage.paymentColumns.nights'),
            width: 80,
            align: 'center',
            render: (_, p) => p.nights ?? '—',
          },
          {
            key: 'people',
            title: t('lodgingPage.paymentColumns.people'),
            width: 80,
            align: 'center',
            render: (_, p) => p.people ?? '—',
          },
          {
            key: 'amount',
            title: t('lodgingPage.paymentColumns.amount'),
            width: 110,
            render: (_, p) => (p.amount === null ? '—' : p.amount.toFixed(2)),
          },
          { key: 'paidOn', title: t('lodgingPage.paymentColumns.paidOn'), width: 110, render: (_, p) => p.paidOn ?? '—' },
          {
            key: 'edit',
            width: 70,
            render: (_, p) => (
              <Button size="small" disabled={readOnly} onClick={() => setEditing(p)}>
                {t('lodgingPage.editPayment')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <PaymentModal classId={classId} payment={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
};
