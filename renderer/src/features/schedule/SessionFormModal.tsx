import { App, AutoComplete, Col, DatePicker, Divider, Form, Input, Row, Select, Spin, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useMemo, useState } from 'react';
import { z } from 'zod';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import type { Conflict, ConflictKind, Session, SessionFieldsInput } from '../../../../shared/schedule/schemas';
import {
  conflictSchema,
  sessionFieldsOf,
  sessionFieldsSchema,
  slotDefaults,
  type Slot,
} from '../../../../shared/schedule/schemas';
import { textMatches } from '../../../../shared/text/pinyin';
import { toFieldIssues } from '../../../../shared/validation';
import { api } from '../../api';
import { useFieldRule, useShowRefusal } from '../../app/form-issues';
import { useQuery } from '../../app/use-query';
import { FormModal } from '../../components/FormModal';
import { ConflictList } from './ConflictList';

export type SessionDraft =
  { mode: 'add'; date: string; slot: Slot } | { mode: 'edit'; session: Session } | { mode: 'duplicate'; session: Session };

type Values = {
  date?: Dayjs | null;
  start?: string;
  end?: string;
  title?: string;
  module?: string;
  format?: string;
  teacherIds?: number[];
  place?: string;
  groups?: number[];
  notes?: string;
};

const fieldNames = ['date', 'start', 'end', 'title', 'module', 'format', 'teacherIds', 'place', 'groups', 'notes'] as const;
const sessionLabels = { groups: 'fields.groupsList' } as const;

type PointRef = { id: number; name: string; capacity: number | null };

// A place that is a teaching point's name holds the session at that point (capacity and travel
// times are checked against it); any other place is free text.
const toFields = (values: Values, points: readonly PointRef[] = []): SessionFieldsInput => ({
  date: values.date ? values.date.format('YYYY-MM-DD') : '',
  start: values.start ?? '',
  end: values.end ?? '',
  title: values.title ?? '',
  module: values.module ?? '',
  format: values.format ?? '',
  teacherIds: values.teacherIds ?? [],
  place: values.place ?? '',
  siteId: points.find((point) => point.name === (values.place ?? '').trim())?.id ?? null,
  groups: values.groups ?? [],
  notes: values.notes ?? '',
});

const initialOf = (draft: SessionDraft): Values => {
  if (draft.mode === 'add') return { date: dayjs(draft.date), ...slotDefaults[draft.slot], teacherIds: [], groups: [] };
  const fields = sessionFieldsOf(draft.session);
  return { ...fields, date: dayjs(fields.date) };
};

// Half-hour steps from 07:00 to 21:30, offered while a time is typed.
const times = Array.from({ length: 30 }, (_, i) => {
  const minutes = 7 * 60 + i * 30;
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
});
const timeOptions = (typed: string | undefined) =>
  times.filter((time) => !typed || time.startsWith(typed.slice(0, 2))).map((value) => ({ value }));

// Adds, edits or duplicates a session. Conflicts are checked as the fields change, against this
// class and every other, so the person arranging the week sees a clash before saving it.
export const SessionFormModal = ({
  target,
  draft,
  places,
  groups,
  onClose,
}: {
  target: TrainingClass;
  draft: SessionDraft;
  // Places already used in this class, offered while typing.
  places: readonly string[];
  groups: readonly number[];
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const fieldRule = useFieldRule();
  const showRefusal = useShowRefusal();
  const [form] = Form.useForm<Values>();
  const [saving, setSaving] = useState(false);
  const [values, setValues] = useState<Values>(() => initialOf(draft));
  const [conflicts, setConflicts] = useState<{ key: string; items: Conflict[] }>();
  const [reasons, setReasons] = useState<Partial<Record<ConflictKind, string>>>(() =>
    draft.mode === 'edit' ? Object.fromEntries(draft.session.accepted.map((a) => [a.kind, a.reason])) : {},
  );
  const modules = useQuery(() => api.vocab.get({ kind: 'module' }), 'vocab:module');
  const formats = useQuery(() => api.vocab.get({ kind: 'format' }), 'vocab:format');
  const staff = useQuery(() => api.staff.list({}), 'staff:all');
  const sites = useQuery(() => api.sites.tree({}), 'sites:');
  const points = useMemo<PointRef[]>(() => (sites.data?.bases ?? []).flatMap((base) => base.points), [sites.data]);
  const sessionId = draft.mode === 'edit' ? draft.session.id : undefined;

  const fields = toFields(values, points);
  const parsed = sessionFieldsSchema.safeParse(fields, { reportInput: true });
  const checkKey = parsed.success ? JSON.stringify(parsed.data) : '';

  // Checks the fields once typing pauses; only the answer for the latest fields is shown.
  useEffect(() => {
    if (!parsed.success) return;
    const session = parsed.data;
    let current = true;
    const timer = setTimeout(() => {
      void api.schedule.check({ classId: target.id, ...(sessionId ? { sessionId } : {}), session }).then((result) => {
        if (current && result.ok) setConflicts({ key: checkKey, items: result.value });
      });
    }, 250);
    return () => {
      current = false;
      clearTimeout(timer);
    };
    // checkKey stands for the parsed fields.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [checkKey, target.id, sessionId]);

  const rule = (field: (typeof fieldNames)[number]) =>
    fieldRule(() => (parsed.success ? [] : toFieldIssues(parsed.error.issues, sessionLabels)), field);

  const teacherOptions = useMemo(
    () =>
      (staff.data?.items ?? []).map((person) => ({
        value: person.id,
        label: person.name,
        title: [person.organisation, person.title].filter(Boolean).join(' '),
      })),
    [staff.data],
  );

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    if (!parsed.success) return;
    setSaving(true);
    const accept = Object.entries(reasons)
      .filter((entry): entry is [ConflictKind, string] => (entry[1] ?? '').trim() !== '')
      .map(([kind, reason]) => ({ kind, reason: reason.trim() }));
    const result = await api.schedule.save({
      classId: target.id,
      ...(sessionId ? { sessionId } : {}),
      session: parsed.data,
      accept,
    });
    setSaving(false);
    if (!result.ok) {
      const refused = z.array(conflictSchema).safeParse(result.error.details?.conflicts);
      if (refused.success) setConflicts({ key: checkKey, items: refused.data });
      showRefusal(form, result.error, fieldNames, /^session\./);
      return;
    }
    message.success(t('schedulePage.form.saved', { title: result.value.session.title }));
    onClose();
  };

  const shown = conflicts?.key === checkKey ? conflicts.items : undefined;
  const title =
    draft.mode === 'edit'
      ? t('schedulePage.form.editTitle')
      : draft.mode === 'duplicate'
        ? t('schedulePage.form.duplicateTitle')
        : t('schedulePage.form.addTitle');

  return (
    <FormModal title={title} width={820} saving={saving} onSave={() => void submit()} onClose={onClose}>
      <Form
        form={form}
        layout="vertical"
        initialValues={initialOf(draft)}
        onValuesChange={(_, all) => setValues(all)}
        data-testid="session-form"
      >
        <Row gutter={16}>
          <Col span={8}>
            <Form.Item name="date" label={t('schedulePage.form.date')} rules={[rule('date')]} required>
              <DatePicker
                style={{ width: '100%' }}
                format="YYYY-MM-DD"
                disabledDate={(day) => day.format('YYYY-MM-DD') < target.startDate || day.format('YYYY-MM-DD') > target.endDate}
              />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="start" label={t('fields.start')} rules={[rule('start')]} required>
              <AutoComplete options={timeOptions(values.start)} aria-label={t('fields.start')} />
            </Form.Item>
          </Col>
          <Col span={4}>
            <Form.Item name="end" label={t('fields.end')} rules={[rule('end')]} dependencies={['start']} required>
              <AutoComplete options={timeOptions(values.end)} aria-label={t('fields.end')} />
            </Form.Item>
          </Col>
          <Col span={8}>
            <Form.Item name="groups" label={t('schedulePage.form.groups')} rules={[rule('groups')]}>
              <Select
                mode="multiple"
                allowClear
                placeholder={t('schedulePage.form.wholeClass')}
                options={groups.map((group) => ({ value: group, label: t('roster.groupN', { n: group }) }))}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="title" label={t('schedulePage.form.title')} rules={[rule('title')]} required>
          <Input maxLength={100} />
        </Form.Item>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="module" label={t('schedulePage.form.module')} rules={[rule('module')]}>
              <Select allowClear showSearch options={(modules.data ?? []).map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="format" label={t('schedulePage.form.format')} rules={[rule('format')]}>
              <Select allowClear showSearch options={(formats.data ?? []).map((value) => ({ value, label: value }))} />
            </Form.Item>
          </Col>
        </Row>
        <Row gutter={16}>
          <Col span={12}>
            <Form.Item name="teacherIds" label={t('schedulePage.form.teachers')} rules={[rule('teacherIds')]}>
              <Select
                mode="multiple"
                allowClear
                // Pinyin initials find a teacher too: "wjg" for 王建国.
                showSearch={{
                  filterOption: (typed, option) => textMatches(`${option?.label ?? ''} ${option?.title ?? ''}`, typed),
                }}
                options={teacherOptions}
                notFoundContent={staff.data ? undefined : <Spin size="small" />}
              />
            </Form.Item>
          </Col>
          <Col span={12}>
            <Form.Item name="place" label={t('schedulePage.form.place')} rules={[rule('place')]}>
              <AutoComplete
                maxLength={100}
                placeholder={t('schedulePage.form.placePlaceholder')}
                options={[
                  {
                    label: t('schedulePage.form.points'),
                    options: points
                      .filter((point) => !values.place || textMatches(point.name, values.place))
                      .map((point) => ({
                        value: point.name,
                        label:
                          point.capacity === null
                            ? point.name
                            : t('schedulePage.form.pointCapacity', { name: point.name, capacity: point.capacity }),
                      })),
                  },
                  {
                    label: t('schedulePage.form.otherPlaces'),
                    options: places
                      .filter((place) => !points.some((point) => point.name === place))
                      .filter((place) => !values.place || place.includes(values.place))
                      .map((value) => ({ value })),
                  },
                ].filter((group) => group.options.length > 0)}
              />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item name="notes" label={t('schedulePage.form.notes')} rules={[rule('notes')]}>
          <Input.TextArea maxLength={500} autoSize={{ minRows: 1, maxRows: 4 }} />
        </Form.Item>
      </Form>
      <Divider style={{ margin: '8px 0 12px' }} />
      <div aria-live="polite" data-testid="session-check">
        {!parsed.success ? null : shown === undefined ? (
          <Typography.Text type="secondary">{t('schedulePage.form.checking')}</Typography.Text>
        ) : shown.length === 0 ? (
          <Typography.Text type="success">{t('schedulePage.form.noConflicts')}</Typography.Text>
        ) : (
          <ConflictList
            conflicts={shown}
            classId={target.id}
            reasons={reasons}
            onReason={(kind, reason) => setReasons({ ...reasons, [kind]: reason })}
          />
        )}
      </div>
    </FormModal>
  );
};
