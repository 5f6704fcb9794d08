import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import { Button, Checkbox, Flex, Form, List, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { classTitle, type TrainingClass } from '../../../../shared/classes/schemas';
import { monthDay } from '../../../../shared/dates';
import type { Session } from '../../../../shared/schedule/schemas';
import { personFieldKey } from '../../../../shared/trainees/schemas';
import { api } from '../../api';
import { useQuery, useRead } from '../../app/use-query';
import { settingsRead } from '../../app/reads';
import { defaultSettings, type Settings } from '../../../../shared/settings/schemas';
import { seatLayouts, type SeatLayout } from '../../../../shared/seating/schemas';
import { ClassroomFields } from '../settings/ClassroomFields';
import { ExportDialog, type ExportRequest } from '../../components/ExportDialog';
import {
  defaultRosterColumns,
  documentFormats,
  type ExportFormat,
  type RosterColumn,
  rosterColumns,
  rosterDocuments,
  type RosterDocument,
  type SigninLayout,
  signinLayouts,
  badgesPerPage,
  isCardDocument,
  tentcardFonts,
  tentcardsPerPage,
  type TentcardFont,
} from '../../../../shared/roster/export';
import { fileNameOf } from '../../../../shared/files/schemas';
import { rosterSorts, type RosterSort } from '../../../../shared/roster/schemas';

type ColumnChoice = { key: RosterColumn; on: boolean };

// The roster's documents; given a session (from the schedule's menu), that session's sign-in sheet.
export const ExportModal = ({
  target,
  sort: initialSort,
  session,
  initialDocument,
  initialLayout,
  onClose,
}: {
  target: TrainingClass;
  sort: RosterSort;
  session?: Session | undefined;
  // Opened from the 座次 view: the 座次表, in the layout on screen.
  initialDocument?: RosterDocument | undefined;
  initialLayout?: SeatLayout | undefined;
  onClose: () => void;
}) => {
  const { t } = useTranslation();
  const [document, setDocument] = useState<RosterDocument>(session ? 'signin' : (initialDocument ?? 'roster'));
  const [signinBy, setSigninBy] = useState<SigninLayout>('day');
  // A page per session needs sessions: without a schedule the choice is offered but greyed out.
  const schedule = useQuery(() => api.schedule.list({ classId: target.id }), `schedule:${target.id}`);
  const planned = (schedule.data?.length ?? 0) > 0;
  const layout = planned ? signinBy : 'day';
  const [allDays, setAllDays] = useState(false);
  // Until one is picked, each document's first format (PDF for a 座次表, Excel for a roster).
  const [format, setFormat] = useState<ExportFormat | undefined>(undefined);
  const [sort, setSort] = useState<RosterSort>(initialSort);
  const [columns, setColumns] = useState<ColumnChoice[]>(() => [
    ...defaultRosterColumns.map((key) => ({ key, on: true })),
    ...rosterColumns.filter((key) => !defaultRosterColumns.includes(key)).map((key) => ({ key, on: false })),
  ]);
  const [revealId, setRevealId] = useState(false);
  const [revealPhone, setRevealPhone] = useState(false);
  const [csvEncoding, setCsvEncoding] = useState<'gb18030' | 'utf8bom'>('gb18030');
  // 座次表, 桌签, 胸牌: their own options. The classroom is the one kept in the settings until changed
  // here; a changed one is saved as the new default when the chart is made.
  const [committeeFront, setCommitteeFront] = useState(true);
  const [seatingLayout, setSeatingLayout] = useState<SeatLayout>(initialLayout ?? 'rows');
  // A class seated in the 座次 view prints as it sits there: no order or committee to choose then.
  const seats = useQuery(() => api.seating.get({ classId: target.id }), `seating:${target.id}`);
  const seatsSaved = seats.data?.plan !== null && seats.data?.plan !== undefined;
  const fromSavedSeats = document === 'seating' && seatingLayout === 'rows' && seatsSaved;
  const settings = useRead(settingsRead);
  const [room, setRoom] = useState<Settings['classroom'] | undefined>(undefined);
  const classroom = room ?? settings.data?.classroom ?? defaultSettings.classroom;
  const [tentcards, setTentcards] = useState<(typeof tentcardsPerPage)[number]>(1);
  const [tentcardFont, setTentcardFont] = useState<TentcardFont>('hei');
  const [badges, setBadges] = useState<(typeof badgesPerPage)[number]>(8);
  const [badgePhoto, setBadgePhoto] = useState(false);
  const cardOptions = {
    seating: { committeeFront, seatingLayout },
    tentcards: { tentcardsPerPage: tentcards, tentcardFont },
    badges: { badgesPerPage: badges, badgePhoto },
  };
  const options = isCardDocument(document) ? cardOptions[document] : {};

  const formats = documentFormats[document];
  const chosenFormat = format !== undefined && formats.includes(format) ? format : (formats[0] ?? 'pdf');
  const personal =
    document === 'roster' ? columns.some((c) => c.on && (c.key === 'idNumber' || c.key === 'phone')) : document === 'contacts';

  const move = (index: number, by: number) => {
    const next = [...columns];
    const [item] = next.splice(index, 1);
    if (item) next.splice(index + by, 0, item);
    setColumns(next);
  };

  const request = (): ExportRequest => ({
    fileName: fileNameOf(
      t(`documents.roster.titles.${document}`, {
        title: `${classTitle(target)}${session ? `${monthDay(session.date)}${session.title}` : ''}`,
      }),
      chosenFormat,
    ),
    format: chosenFormat,
    start: async (grant, jobId) => {
      if (document === 'seating' && room) {
        const saved = await api.settings.update({ classroom: room });
        if (!saved.ok) return saved;
      }
      return api.roster.export({
        ...options,
        classId: target.id,
        document,
        format: chosenFormat,
        sort,
        grant,
        jobId,
        csvEncoding,
        ...(document === 'signin' ? (session ? { sessionId: session.id } : { signinBy: layout, allDays }) : {}),
        columns: columns.filter((c) => c.on).map((c) => c.key),
        reveal: { idNumber: revealId, phone: revealPhone },
      });
    },
  });

  return (
    <ExportDialog
      title={session ? t('exportDialog.sessionSignin', { title: session.title }) : t('exportDialog.title')}
      request={request}
      print={(jobId) =>
        api.roster.print({
          ...options,
          classId: target.id,
          document,
          sort,
          jobId,
          ...(document === 'signin' ? (session ? { sessionId: session.id } : { signinBy: layout, allDays }) : {}),
          columns: columns.filter((c) => c.on).map((c) => c.key),
        })
      }
      onClose={onClose}
      width={720}
    >
      <Form layout="vertical" data-testid="export-form">
        {!session && (
          <Form.Item label={t('exportDialog.document')}>
            <Radio.Group
              value={document}
              onChange={(event) => setDocument(event.target.value)}
              optionType="button"
              options={rosterDocuments.map((key) => ({ value: key, label: t(`exportDialog.documents.${key}`) }))}
            />
          </Form.Item>
        )}
        {!session && document === 'signin' && (
          <Form.Item label={t('exportDialog.signinBy')} extra={planned ? undefined : t('exportDialog.noSessions')}>
            <Radio.Group
              value={layout}
              onChange={(event) => setSigninBy(event.target.value)}
              options={signinLayouts.map((key) => ({
                value: key,
                label: t(`exportDialog.signinLayouts.${key}`),
                disabled: key === 'session' && !planned,
              }))}
            />
            {planned && layout === 'day' && (
              <Checkbox
                style={{ marginTop: 8 }}
                checked={allDays}
                onChange={(event) => setAllDays(event.target.checked)}
                data-testid="signin-all-days"
              >
                {t('exportDialog.allDays')}
              </Checkbox>
            )}
          </Form.Item>
        )}
        <Form.Item label={t('exportDialog.format')}>
          <Radio.Group
            value={chosenFormat}
            onChange={(event) => setFormat(event.target.value)}
            options={formats.map((key) => ({ value: key, label: t(`formats.${key}`) }))}
          />
        </Form.Item>
        {chosenFormat === 'csv' && (
          <Form.Item label={t('exportDialog.csvEncoding')}>
            <Radio.Group
              value={csvEncoding}
              onChange={(event) => setCsvEncoding(event.target.value)}
              options={[
                { value: 'gb18030', label: t('exportDialog.gb18030') },
                { value: 'utf8bom', label: t('exportDialog.utf8bom') },
              ]}
            />
          </Form.Item>
        )}
        {document === 'seating' && (
          <Form.Item label={t('seatingPage.layoutLabel')} extra={seatsSaved ? t('seatingPage.exportNote') : undefined}>
            <Radio.Group
              value={seatingLayout}
              onChange={(event) => setSeatingLayout(event.target.value)}
              options={seatLayouts.map((key) => ({ value: key, label: t(`seatingPage.layouts.${key}`) }))}
              data-testid="seating-layout"
            />
          </Form.Item>
        )}
        {document === 'seating' && (
          <Form.Item label={t('exportDialog.classroom')}>
            <ClassroomFields value={classroom} onChange={setRoom} />
            {!fromSavedSeats && (
              <Checkbox
                style={{ marginTop: 8 }}
                checked={committeeFront}
                onChange={(event) => setCommitteeFront(event.target.checked)}
                data-testid="committee-front"
              >
                {t('exportDialog.committeeFront')}
              </Checkbox>
            )}
          </Form.Item>
        )}
        {document === 'tentcards' && (
          <>
            <Form.Item label={t('exportDialog.tentcardsPerPage')}>
              <Radio.Group
                value={tentcards}
                onChange={(event) => setTentcards(event.target.value)}
                options={tentcardsPerPage.map((n) => ({
                  value: n,
                  label: t(`exportDialog.tentcardsPerPageOptions.${n === 1 ? 'one' : 'two'}`),
                }))}
              />
            </Form.Item>
            <Form.Item label={t('exportDialog.tentcardFont')} extra={t('exportDialog.cardsNote')}>
              <Radio.Group
                value={tentcardFont}
                onChange={(event) => setTentcardFont(event.target.value)}
                options={tentcardFonts.map((key) => ({ value: key, label: t(`exportDialog.tentcardFonts.${key}`) }))}
              />
            </Form.Item>
          </>
        )}
        {document === 'badges' && (
          <Form.Item label={t('exportDialog.badgesPerPage')} extra={t('exportDialog.cardsNote')}>
            <Radio.Group
              value={badges}
              onChange={(event) => setBadges(event.target.value)}
              options={badgesPerPage.map((n) => ({ value: n, label: t('exportDialog.badgesPerPageOption', { n }) }))}
            />
            <Checkbox style={{ marginLeft: 16 }} checked={badgePhoto} onChange={(event) => setBadgePhoto(event.target.checked)}>
              {t('exportDialog.badgePhoto')}
            </Checkbox>
          </Form.Item>
        )}
        {!fromSavedSeats && (
          <Form.Item label={t(document === 'seating' ? 'exportDialog.seatBy' : 'exportDialog.sort')}>
            <Radio.Group
              value={sort}
              onChange={(event) => setSort(event.target.value)}
              options={rosterSorts.map((key) => ({ value: key, label: t(`roster.sort.${key}`) }))}
            />
          </Form.Item>
        )}
        {document === 'roster' && (
          <Form.Item label={t('exportDialog.columns')}>
            <List
              size="small"
              bordered
              style={{ maxHeight: 240, overflow: 'auto' }}
              dataSource={columns}
              renderItem={(column, index) => (
                <List.Item
                  actions={[
                    <Button
                      key="up"
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      disabled={index === 0}
                      onClick={() => move(index, -1)}
                      aria-label={t('exportDialog.moveUp')}
                    />,
                    <Button
                      key="down"
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      disabled={index === columns.length - 1}
                      onClick={() => move(index, 1)}
                      aria-label={t('exportDialog.moveDown')}
                    />,
                  ]}
                >
                  <Checkbox
                    checked={column.on}
                    onChange={(event) =>
                      setColumns(columns.map((c) => (c.key === column.key ? { ...c, on: event.target.checked } : c)))
                    }
                  >
                    {column.key === 'seq' ? t('roster.columns.seq') : t(personFieldKey(column.key))}
                  </Checkbox>
                </List.Item>
              )}
            />
          </Form.Item>
        )}
        {personal && (
          <Form.Item label={t('exportDialog.personal')}>
            <Flex vertical gap={8}>
              <Space>
                {document === 'roster' && (
                  <Checkbox checked={revealId} onChange={(event) => setRevealId(event.target.checked)}>
                    {t('exportDialog.revealId')}
                  </Checkbox>
                )}
                <Checkbox checked={revealPhone} onChange={(event) => setRevealPhone(event.target.checked)}>
                  {t('exportDialog.revealPhone')}
                </Checkbox>
              </Space>
              <Typography.Text type="secondary">{t('exportDialog.personalWarning')}</Typography.Text>
            </Flex>
          </Form.Item>
        )}
      </Form>
    </ExportDialog>
  );
};
