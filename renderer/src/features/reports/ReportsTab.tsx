import { BookOutlined, FileAddOutlined, FolderAddOutlined, InboxOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, DatePicker, Flex, Input, Select, Space, Statistic, Table, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { localDateOf } from '../../../../shared/dates';
import { fileNameOf } from '../../../../shared/files/schemas';
import { type BoardRow, type BoardState, boardStates, type Staged, type Topic } from '../../../../shared/reports/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useJob } from '../../components/use-job';
import { ReportDrawer } from './ReportDrawer';
import { type DropRefusal, droppedFiles } from './dropped-files';
import { TopicModal } from './TopicModal';
import { UploadModal } from './UploadModal';
import './reports.css';

const stateColor: Record<BoardState, string> = {
  unchosen: 'default',
  chosen: 'blue',
  submitted: 'green',
  late: 'gold',
  overdue: 'red',
};

// A class's research reports: the topics, the board (who has chosen, handed in, is late), uploads
// of files or a whole folder, each report's versions and review, the archive and the compilation.
export const ReportsTab = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, reportFailure } = useErrorText();
  const readOnly = target.status === 'archived';
  const board = useQuery(() => api.reports.board({ classId: target.id }), `reports-board:${target.id}`);
  const job = useJob();
  const [staged, setStaged] = useState<Staged>();
  const [open, setOpen] = useState<number>();
  const [exporting, setExporting] = useState<'archive' | 'compile'>();
  const [topic, setTopic] = useState('');
  const [editingTopic, setEditingTopic] = useState<Topic | 'new'>();
  const [selected, setSelected] = useState<number[]>([]);
  const [chosenTopic, setChosenTopic] = useState<number>();
  const data = board.data;

  const [dragging, setDragging] = useState(false);

  const dropRefusalText = (refused: DropRefusal) =>
    refused.kind === 'tooManyFiles'
      ? t('reportsPage.upload.tooManyFiles', { count: refused.count, max: refused.max })
      : t('reportsPage.upload.tooMuch', { megabytes: refused.megabytes });

  // What a drop left out (too large to be a report, a name no disk can hold), said once, by name; the
  // rest of the drop goes on, as a chosen folder's does.
  const sayLeftOut = (reasons: readonly string[]) => {
    if (reasons.length === 0) return;
    void message.warning(
      t('reportsPage.upload.leftOut', {
        count: reasons.length,
        list:
          reasons.slice(0, 5).join(t('reportsPage.upload.clauses')) +
          (reasons.length > 5 ? t('reportsPage.upload.andMore', { count: reasons.length - 5 }) : ''),
      }),
      10,
    );
  };

  const stage = async (how: 'folder' | 'files' | { dropped: string }) => {
    let folder: string | null = null;
    let grants: string[] = [];
    if (typeof how === 'object') folder = how.dropped;
    else if (how === 'folder') {
      const chosen = await api.files.chooseFolder({ purpose: 'reportFolder' });
      if (!chosen.ok) return message.error(errorText(chosen.error));
      folder = chosen.value.grant;
      if (!folder) return;
    } else {
      const chosen = await api.files.chooseOpenMany({ purpose: 'reportFiles' });
      if (!chosen.ok) return message.error(errorText(chosen.error));
      grants = chosen.value.files.flatMap((file) => (file.grant ? [file.grant] : []));
      if (grants.length === 0) return;
    }
    const result = await job.run(t('reportsPage.upload.reading'), (jobId) =>
      api.reports.stage({ classId: target.id, folder, grants, jobId }),
    );
    if (!result.ok) return reportFailure(message, result.error);
    setStaged(result.value);
  };

  // Files and folders dropped on the tab: their bytes go to the core, which keeps them in a folder of
  // its own and hands back a grant for it; the upload then goes on as for a chosen folder.
  const drop = async (transfer: DataTransfer) => {
    setDragging(false);
    if (readOnly) return;
    const reading = droppedFiles(transfer);
    // Reading the files is part of receiving them: the progress shows from the drop on.
    const outcome = await job.run(t('reportsPage.upload.receiving'), async (jobId) => {
      const read = await reading;
      if ('refused' in read || read.files.length === 0) return { read };
      return { read, received: await api.files.receiveDropped({ files: read.files, jobId }) };
    });
    const { read, received } = outcome;
    if ('refused' in read) return message.error(dropRefusalText(read.refused));
    const tooLarge = read.leftOut.map((file) =>
      t('reportsPage.upload.fileTooLarge', { name: file.relative, megabytes: file.megabytes }),
    );
    if (!received) return sayLeftOut(tooLarge);
    if (!received.ok) return reportFailure(message, received.error);
    sayLeftOut([...tooLarge, ...received.value.skipped.map((item) => item.reason)]);
    await stage({ dropped: received.value.folder });
  };

  // The selected trainees take the chosen topic: each a report of their own, or one together.
  const choose = async (together: boolean) => {
    if (chosenTopic === undefined) return;
    const groups = together ? [selected] : selected.map((id) => [id]);
    for (const enrolmentIds of groups) {
      const result = await api.reports.choose({ classId: target.id, topicId: chosenTopic, enrolmentIds });
      if (!result.ok) return reportFailure(message, result.error);
    }
    setSelected([]);
  };

  const addTopic = async () => {
    if (topic.trim() === '') return;
    const result = await api.reports.saveTopic({ classId: target.id, fields: { title: topic } });
    if (!result.ok) return reportFailure(message, result.error);
    setTopic('');
  };

  const setDeadline = async (value: dayjs.Dayjs | null) => {
    const result = await api.reports.setDeadline({ classId: target.id, deadline: value ? value.format('YYYY-MM-DD') : null });
    if (!result.ok) reportFailure(message, result.error);
  };

  return (
    <Flex
      vertical
      gap={16}
      data-testid="reports-tab"
      className={dragging ? 'reports-drop-active' : undefined}
      onDragOver={(event) => {
        if (readOnly || !event.dataTransfer.types.includes('Files')) return;
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
      }}
      onDrop={(event) => {
        event.preventDefault();
        void drop(event.dataTransfer);
      }}
    >
      {!readOnly && (
        <Typography.Text type="secondary" data-testid="drop-hint">
          {t(dragging ? 'reportsPage.dropNow' : 'reportsPage.dropHint')}
        </Typography.Text>
      )}
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Space wrap>
          <Typography.Text>{t('fields.deadline')}</Typography.Text>
          <DatePicker
            aria-label={t('fields.deadline')}
            value={data?.deadline ? dayjs(data.deadline) : null}
            onChange={(value) => void setDeadline(value)}
            disabled={readOnly}
          />
        </Space>
        <Space wrap>
          <Button icon={<FolderAddOutlined />} type="primary" disabled={readOnly} onClick={() => void stage('folder')}>
            {t('reportsPage.uploadFolder')}
          </Button>
          <Button icon={<FileAddOutlined />} disabled={readOnly} onClick={() => void stage('files')}>
            {t('reportsPage.uploadFiles')}
          </Button>
          <Button icon={<InboxOutlined />} onClick={() => setExporting('archive')}>
            {t('reportsPage.archive')}
          </Button>
          <Button icon={<BookOutlined />} onClick={() => setExporting('compile')}>
            {t('reportsPage.compile')}
          </Button>
        </Space>
      </Flex>
      {job.working && <JobProgressBar working={job.working} onCancel={job.cancel} />}
      {data && (
        <Flex gap={16} wrap>
          {boardStates.map((state) => (
            <Card key={state} size="small" style={{ minWidth: 110 }}>
              <Statistic title={t(`reportsPage.states.${state}`)} value={data.counts[state]} />
            </Card>
          ))}
        </Flex>
      )}
      <Card size="small" title={t('reportsPage.topics')}>
        <Flex gap={8} wrap>
          {data?.topics.map((item) => (
            <Tag
              key={item.id}
              color="geekblue"
              style={{ cursor: readOnly ? 'default' : 'pointer' }}
              onClick={() => !readOnly && setEditingTopic(item)}
              title={[item.adviserName && t('reportsPage.adviserLine', { name: item.adviserName }), item.description]
                .filter(Boolean)
                .join('\n')}
            >
              {t(item.maxAuthors === null ? 'reportsPage.topicLine' : 'reportsPage.topicLineMax', {
                title: item.title,
                reports: item.reports,
                max: item.maxAuthors ?? 0,
              })}
            </Tag>
          ))}
          {data?.topics.length === 0 && <Typography.Text type="secondary">{t('reportsPage.noTopics')}</Typography.Text>}
        </Flex>
        <Space.Compact style={{ marginTop: 12, maxWidth: 480, width: '100%' }}>
          <Input
            value={topic}
            placeholder={t('reportsPage.topicPlaceholder')}
            onChange={(event) => setTopic(event.target.value)}
            onPressEnter={() => void addTopic()}
            disabled={readOnly}
            aria-label={t('fields.topicTitle')}
          />
          <Button
            icon={<PlusOutlined />}
            onClick={() => (topic.trim() === '' ? setEditingTopic('new') : void addTopic())}
            disabled={readOnly}
          >
            {t('reportsPage.addTopic')}
          </Button>
          <Button
            onClick={() =>
              void api.reports.assignRest({ classId: target.id }).then((r) => !r.ok && reportFailure(message, r.error))
            }
            disabled={readOnly || !data?.topics.length}
          >
            {t('reportsPage.assignRest')}
          </Button>
        </Space.Compact>
      </Card>
      {!readOnly && (
        <Flex gap={8} align="center" wrap data-testid="choose-bar">
          <Typography.Text type="secondary">{t('reportsPage.selected', { count: selected.length })}</Typography.Text>
          <Select
            style={{ width: 240 }}
            placeholder={t('reportsPage.pickTopic')}
            aria-label={t('reportsPage.pickTopic')}
            value={chosenTopic}
            onChange={setChosenTopic}
            options={(data?.topics ?? []).map((item) => ({ value: item.id, label: item.title }))}
          />
          <Button disabled={selected.length === 0 || chosenTopic === undefined} onClick={() => void choose(false)}>
            {t('reportsPage.chooseEach')}
          </Button>
          <Button disabled={selected.length < 2 || chosenTopic === undefined} onClick={() => void choose(true)}>
            {t('reportsPage.chooseTogether')}
          </Button>
        </Flex>
      )}
      <Table<BoardRow>
        size="small"
        rowKey="enrolmentId"
        rowSelection={readOnly ? undefined : { selectedRowKeys: selected, onChange: (keys) => setSelected(keys.map(Number)) }}
        data-testid="reports-board"
        dataSource={data?.rows ?? []}
        pagination={false}
        locale={{ emptyText: t('reportsPage.emptyBoard') }}
        // A row with a report handed in opens it: by a click, or by Tab to the row and Enter.
        onRow={(row) => {
          const openable = row.reportId !== null && row.versions > 0;
          const open = () => row.reportId !== null && openable && setOpen(row.reportId);
          return {
            onClick: open,
            onKeyDown: (event) => {
              if (event.key === 'Enter' && event.target === event.currentTarget) open();
            },
            tabIndex: openable ? 0 : undefined,
            style: { cursor: openable ? 'pointer' : 'default' },
          };
        }}
        columns={[
          {
            title: t('fields.group'),
            dataIndex: 'group',
            width: 70,
            render: (group: number | null) => (group === null ? '' : t('reportsPage.groupN', { n: group })),
          },
          { title: t('fields.personName'), dataIndex: 'name', width: 90 },
          { title: t('fields.unit'), dataIndex: 'unit', ellipsis: true },
          { title: t('reports.columns.topic'), dataIndex: 'topicTitle', ellipsis: true },
          { title: t('reports.columns.title'), dataIndex: 'title', ellipsis: true },
          {
            title: t('reportsPage.state'),
            dataIndex: 'state',
            width: 90,
            render: (state: BoardState) => <Tag color={stateColor[state]}>{t(`reportsPage.states.${state}`)}</Tag>,
          },
          {
            title: t('reports.columns.submittedAt'),
            dataIndex: 'submittedAt',
            width: 110,
            render: (at: string | null) => (at === null ? '' : localDateOf(at)),
          },
          {
            className: 'board-versions',
            title: t('reports.columns.versions'),
            dataIndex: 'versions',
            width: 70,
            render: (n: number) => (n > 0 ? n : ''),
          },
          {
            title: t('reports.columns.grade'),
            dataIndex: 'grade',
            width: 80,
            render: (grade: BoardRow['grade']) => (grade ? t(`reports.grades.${grade}`) : ''),
          },
        ]}
      />
      {staged && data && (
        <UploadModal
          classId={target.id}
          staged={staged}
          people={data.rows}
          topics={data.topics}
          onClose={() => setStaged(undefined)}
        />
      )}
      {editingTopic && (
        <TopicModal
          classId={target.id}
          editing={editingTopic === 'new' ? undefined : editingTopic}
          onClose={() => setEditingTopic(undefined)}
        />
      )}
      {open !== undefined && <ReportDrawer reportId={open} onClose={() => setOpen(undefined)} />}
      {exporting && (
        <ExportDialog
          title={t(exporting === 'archive' ? 'reportsPage.archive' : 'reportsPage.compile')}
          onClose={() => setExporting(undefined)}
          request={() =>
            exporting === 'archive'
              ? {
                  fileName: fileNameOf(t('reportsPage.archiveName', { name: target.name }), 'zip'),
                  format: 'zip',
                  start: (grant, jobId) => api.lifecycle.archiveExport({ classId: target.id, grant, jobId }),
                }
              : {
                  fileName: fileNameOf(t('reportsPage.compileName', { name: target.name }), 'docx'),
                  format: 'docx',
                  start: (grant, jobId) => api.reports.compile({ classId: target.id, grant, jobId }),
                }
          }
        >
          <Typography.Paragraph>
            {t(exporting === 'archive' ? 'reportsPage.archiveHelp' : 'reportsPage.compileHelp')}
          </Typography.Paragraph>
        </ExportDialog>
      )}
    </Flex>
  );
};
