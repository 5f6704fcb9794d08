import { DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Empty, Flex, Popconfirm, Radio, Segmented, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { chineseDate } from '../../../../shared/dates';
import { fileNameOf } from '../../../../shared/files/schemas';
import { type LodgingDocument, lodgingDocuments, type Stay } from '../../../../shared/lodging/schemas';
import { api } from '../../api';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { LodgingBoard } from './LodgingBoard';
import { ParticipantsTable, PaymentsTable, PlanTable } from './LodgingTables';
import { StayFormModal } from './StayFormModal';

// A dormitory's or hotel's stay offers the 房间安排表 and door cards in place of the village's list.
const roomDocuments = ['rooms', 'doors', 'trainees', 'plan', 'hours'] as const satisfies readonly LodgingDocument[];
const villageDocuments = lodgingDocuments.filter((value) => value !== 'rooms' && value !== 'doors');

const LodgingExport = ({ stay, rooms, onClose }: { stay: Stay; rooms: boolean; onClose: () => void }) => {
  const { t } = useTranslation();
  const [document, setDocument] = useState<LodgingDocument>(rooms ? 'rooms' : 'households');
  const [format, setFormat] = useState<'xlsx' | 'docx' | 'pdf'>('xlsx');
  const offered = rooms ? roomDocuments : villageDocuments;
  // Door cards are printed: PDF only.
  const formats = document === 'doors' ? (['pdf'] as const) : (['xlsx', 'docx', 'pdf'] as const);
  const choose = (value: LodgingDocument) => {
    setDocument(value);
    if (value === 'doors') setFormat('pdf');
  };
  // Asked each time, off by default: the village's list is the one document here with a trainee's phone.
  const [revealPhone, setRevealPhone] = useState(false);
  return (
    <ExportDialog
      title={t(rooms ? 'roomsPage.exportTitle' : 'lodgingPage.exportTitle')}
      onClose={onClose}
      width={620}
      request={() => ({
        fileName: fileNameOf(`${stay.className}${t(`lodging.documents.${document}`)}`, format),
        format,
        start: (grant, jobId) =>
          api.lodging.export({
            stayId: stay.id,
            document,
            format,
            reveal: { phone: document === 'households' && revealPhone },
            grant,
            jobId,
          }),
      })}
    >
      <Flex vertical gap={16}>
        <div>
          <Typography.Text strong>{t('lodgingPage.document')}</Typography.Text>
          <Radio.Group
            value={document}
            onChange={(event) => choose(event.target.value)}
            style={{ display: 'flex', flexDirection: 'column', gap: 8, marginTop: 8 }}
            options={offered.map((value) => ({
              value,
              label: (
                <span>
                  {t(`lodging.documents.${value}`)}
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8, fontSize: 12 }}>
                    {value === 'rooms' || value === 'doors'
                      ? t(`roomsPage.documentHelp.${value}`)
                      : t(`lodgingPage.documentHelp.${value}`)}
                  </Typography.Text>
                </span>
              ),
            }))}
          />
        </div>
        <div>
          <Typography.Text strong>{t('lodgingPage.format')}</Typography.Text>
          <Radio.Group
            value={format}
            onChange={(event) => setFormat(event.target.value)}
            style={{ marginInlineStart: 16 }}
            options={formats.map((value) => ({ value, label: t(`formats.${value}`) }))}
          />
        </div>
        {document === 'households' && (
          <Flex vertical gap={8}>
            <Checkbox checked={revealPhone} onChange={(event) => setRevealPhone(event.target.checked)}>
              {t('lodgingPage.revealPhone')}
            </Checkbox>
            <Typography.Text type="secondary">{t('lodgingPage.revealPhoneHelp')}</Typography.Text>
          </Flex>
        )}
      </Flex>
    </ExportDialog>
  );
};

// The four togethers of a class: its stays in villages, who sleeps with which household, the plan
// day by day, each trainee's part, and what the households are paid.
export const LodgingTab = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const readOnly = target.status === 'archived';
  const stays = useQuery(() => api.lodging.stays({ classId: target.id }), `stays:${target.id}`);
  const roster = useQuery(() => api.roster.list({ classId: target.id }), `roster-groups:${target.id}`);
  const sessions = useQuery(() => api.schedule.list({ classId: target.id }), `schedule:${target.id}`);
  const [chosen, setChosen] = useState<number>();
  const [dialog, setDialog] = useState<'add' | 'edit' | 'export'>();
  const [section, setSection] = useState('board');
  const list = stays.data ?? [];
  const stay = list.find((s) => s.id === chosen) ?? list[0];
  const board = useQuery(
    () => (stay ? api.lodging.board({ stayId: stay.id }) : Promise.resolve({ ok: true as const, value: undefined })),
    `board:${stay?.id ?? 0}`,
  );
  const label = (s: Stay) =>
    t('lodgingPage.stayLabel', {
      site: s.siteName,
      arrive: chineseDate(s.arrive),
      depart: chineseDate(s.depart),
      nights: s.nights,
    }) +
    (s.groups.length > 0
      ? t('common.inParentheses', { text: t('lodgingPage.groupsLabel', { groups: s.groups.join(t('text.list')) }) })
      : '');

  return (
    <Flex vertical gap={16} data-testid="lodging-tab">
      <Flex justify="space-between" align="center" wrap gap={8}>
        {list.length > 1 ? (
          <Segmented
            value={stay?.id}
            onChange={(value) => setChosen(Number(value))}
            options={list.map((s) => ({ value: s.id, label: label(s) }))}
          />
        ) : (
          <Typography.Text strong data-testid="stay-label">
            {stay ? label(stay) : ''}
          </Typography.Text>
        )}
        <Space>
          {stay && (
            <>
              <Button icon={<DownloadOutlined />} onClick={() => setDialog('export')}>
                {t('lodgingPage.export')}
              </Button>
              <Button icon={<EditOutlined />} disabled={readOnly} onClick={() => setDialog('edit')}>
                {t('lodgingPage.editStay')}
              </Button>
              <Popconfirm
                title={t('lodgingPage.removeConfirm')}
                onConfirm={() => void api.lodging.removeStay({ stayId: stay.id })}
              >
                <Button icon={<DeleteOutlined />} danger disabled={readOnly}>
                  {t('lodgingPage.removeStay')}
                </Button>
              </Popconfirm>
            </>
          )}
          <Button type="primary" icon={<PlusOutlined />} disabled={readOnly} onClick={() => setDialog('add')}>
            {t('lodgingPage.addStay')}
          </Button>
        </Space>
      </Flex>
      {!stay ? (
        <Card>
          <Empty description={t('lodgingPage.noStays')} />
        </Card>
      ) : (
        <Tabs
          activeKey={section}
          onChange={setSection}
          items={[
            {
              key: 'board',
              label: t('lodgingPage.board'),
              children: board.data ? <LodgingBoard board={board.data} readOnly={readOnly} /> : null,
            },
            {
              key: 'plan',
              label: t('lodgingPage.plan'),
              children: <PlanTable stay={stay} sessions={sessions.data ?? []} readOnly={readOnly} />,
            },
            {
              key: 'people',
              label: t('lodgingPage.participants'),
              children: <ParticipantsTable stay={stay} readOnly={readOnly} />,
            },
            {
              key: 'payments',
              label: t('lodgingPage.payments'),
              children: <PaymentsTable classId={target.id} readOnly={readOnly} />,
            },
          ]}
        />
      )}
      {(dialog === 'add' || dialog === 'edit') && (
        <StayFormModal
          target={target}
          editing={dialog === 'edit' ? stay : undefined}
          groups={roster.data?.groups ?? []}
          sessions={sessions.data}
          stays={list.filter((s) => s.id !== stay?.id || dialog !== 'edit')}
          onClose={() => setDialog(undefined)}
          onSaved={(saved) => setChosen(saved.id)}
        />
      )}
      {dialog === 'export' && stay && (
        <LodgingExport stay={stay} rooms={board.data?.rooms ?? false} onClose={() => setDialog(undefined)} />
      )}
    </Flex>
  );
};
