import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Checkbox, Flex, Modal, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import type { AppErrorShape } from '../../../../shared/errors';
import type { ScheduleImportPreview, ScheduleImportRow } from '../../../../shared/schedule/import';
import { api } from '../../api';
import { IgnoredColumns } from '../../components/IgnoredColumns';
import { useErrorText } from '../../app/errors';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useJob } from '../../components/use-job';
import { ConflictList } from './ConflictList';
import { dayLabel, timeRange } from './session-text';

// A 课程安排表 received as a spreadsheet, into this class: the file, then every row as it will be
// stored with what stands in its way, then one import of all of it or nothing.
export const ScheduleImportModal = ({ target, onClose }: { target: TrainingClass; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const [source, setSource] = useState<{ grant: string; preview: ScheduleImportPreview }>();
  const [failure, setFailure] = useState<string>();
  // Lecturers the 师资库 lacks are added with the sessions unless the person says not to.
  const [addTeachers, setAddTeachers] = useState(true);
  const job = useJob();
  const busy = job.working !== undefined;
  const failureText = (error: AppErrorShape) => (error.code === 'CANCELLED' ? t('job.cancelled') : errorText(error));

  const choose = async () => {
    const chosen = await api.files.chooseOpen({ purpose: 'scheduleImport' });
    if (!chosen.ok) return setFailure(errorText(chosen.error));
    const grant = chosen.value.grant;
    if (!grant) return;
    const preview = await job.run(t('importWizard.reading'), (jobId) =>
      api.schedule.importPreview({ classId: target.id, grant, jobId }),
    );
    setFailure(preview.ok ? undefined : failureText(preview.error));
    setSource(preview.ok ? { grant, preview: preview.value } : undefined);
  };

  const rows = source?.preview.rows ?? [];
  const refused = rows.filter((row) => row.problems.length > 0);
  const blocking = (source?.preview.conflicts ?? []).filter((conflict) => conflict.severity === 'error');
  const newTeachers = source?.preview.newTeachers ?? [];
  const ready =
    source !== undefined &&
    rows.length > 0 &&
    refused.length === 0 &&
    blocking.length === 0 &&
    (newTeachers.length === 0 || addTeachers);

  const commit = async () => {
    if (!source) return;
    const result = await job.run(t('importWizard.committing'), (jobId) =>
      api.schedule.importCommit({ classId: target.id, grant: source.grant, token: source.preview.token, addTeachers, jobId }),
    );
    if (!result.ok) return setFailure(failureText(result.error));
    message.success(t('schedulePage.import.done', { count: result.value.added }));
    onClose();
  };

  return (
    <Modal
      open
      title={t('schedulePage.import.title')}
      width={980}
      onCancel={onClose}
      destroyOnHidden
      maskClosable={false}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button key="ok" type="primary" disabled={!ready} loading={busy} onClick={() => void commit()}>
          {t('schedulePage.import.ok', { count: rows.length })}
        </Button>,
      ]}
    >
      <Flex vertical gap={12}>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('schedulePage.import.intro')}
        </Typography.Paragraph>
        <Flex gap={12} align="center">
          <Button icon={<FileExcelOutlined />} onClick={() => void choose()} loading={busy && !source}>
            {source ? t('schedulePage.import.another') : t('schedulePage.import.choose')}
          </Button>
          {source && (
            <Typography.Text data-testid="schedule-import-file">
              {t('schedulePage.import.file', {
                name: source.preview.fileName,
                sheet: source.preview.sheet,
                row: source.preview.headerRow,
                count: rows.length,
              })}
            </Typography.Text>
          )}
        </Flex>
        {job.working && <JobProgressBar working={job.working} onCancel={job.cancel} />}
        {failure && <Alert type="error" showIcon title={failure} />}
        {source && <IgnoredColumns columns={source.preview.ignoredColumns} />}
        {source && refused.length > 0 && (
          <Alert type="error" showIcon title={t('schedulePage.import.refused', { count: refused.length })} />
        )}
        {source && refused.length === 0 && blocking.length > 0 && (
          <Alert type="error" showIcon title={t('schedulePage.import.blocked', { count: blocking.length })} />
        )}
        {newTeachers.length > 0 && (
          <Alert
            type={addTeachers ? 'info' : 'warning'}
            showIcon
            data-testid="new-teachers"
            title={t('schedulePage.import.newTeachers', {
              count: newTeachers.length,
              names: newTeachers
                .map((teacher) =>
                  teacher.organisation ? t('text.withNote', { text: teacher.name, note: teacher.organisation }) : teacher.name,
                )
                .join(t('text.list')),
            })}
            description={
              <Flex vertical gap={4}>
                <Checkbox checked={addTeachers} onChange={(event) => setAddTeachers(event.target.checked)}>
                  {t('schedulePage.import.addTeachers')}
                </Checkbox>
                {!addTeachers && <Typography.Text type="warning">{t('schedulePage.import.mustAdd')}</Typography.Text>}
              </Flex>
            }
          />
        )}
        {source && (
          <Table<ScheduleImportRow>
            data-testid="schedule-import-rows"
            size="small"
            rowKey="row"
            pagination={false}
            scroll={{ y: 320 }}
            dataSource={rows}
            columns={[
              { title: t('schedulePage.import.row'), dataIndex: 'row', width: 64 },
              {
                title: t('schedulePage.import.when'),
                width: 170,
                render: (_, row) =>
                  row.date && row.start ? `${dayLabel(row.date, t('schedulePage.dayFormat'))} ${timeRange(row)}` : '—',
              },
              { title: t('schedulePage.form.title'), dataIndex: 'title', ellipsis: true },
              {
                title: t('schedulePage.form.teachers'),
                width: 140,
                render: (_, row) =>
                  row.teachers.map((name) => (
                    <span key={name} style={{ marginInlineEnd: 4 }}>
                      {name}
                      {row.newTeachers.includes(name) && (
                        <Tag color="purple" style={{ marginInlineStart: 2 }}>
                          {t('schedulePage.import.newTag')}
                        </Tag>
                      )}
                    </span>
                  )),
              },
              {
                title: t('schedulePage.form.place'),
                width: 170,
                ellipsis: true,
                render: (_, row) => (
                  <span
                    title={
                      row.siteName ? t('text.labelled', { label: t('schedulePage.import.site'), text: row.siteName }) : undefined
                    }
                  >
                    {row.place}
                    {row.siteName && (
                      <Tag color="green" style={{ marginInlineStart: 4 }}>
                        {t('schedulePage.import.site')}
                      </Tag>
                    )}
                  </span>
                ),
              },
              {
                title: t('schedulePage.import.problems'),
                width: 260,
                render: (_, row) =>
                  row.problems.map((problem) => (
                    <Typography.Text key={`${problem.column}${problem.message}`} type="danger" style={{ display: 'block' }}>
                      {problem.column ? t('schedulePage.import.column', { column: problem.column }) : ''}
                      {problem.message}
                    </Typography.Text>
                  )),
              },
            ]}
          />
        )}
        {source && source.preview.conflicts.length > 0 && <ConflictList conflicts={source.preview.conflicts} />}
      </Flex>
    </Modal>
  );
};
