import { FileExcelOutlined } from '@ant-design/icons';
import { Alert, App, Button, Flex, Modal, Radio, Select, Table, Tag, Typography } from 'antd';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppErrorShape } from '../../../../shared/errors';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import type { OneMeans, PlatformPreview } from '../../../../shared/surveys/platform';
import { type Satisfaction, satisfactions, type SurveyTemplate } from '../../../../shared/surveys/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useJob } from '../../components/use-job';

export type SubjectOption = { value: number; label: string };

type Choice = {
  kind: Satisfaction;
  subjectId: number | null;
  oneMeans?: OneMeans | undefined;
  file?: { grant: string; name: string } | undefined;
};

// A 问卷星 / 腾讯问卷 export, as downloaded, into the one survey the person names: which survey
// (kind, and the course, teacher or teaching point, or the whole class), the file, and — when the
// answers are option numbers — which end option 1 is. The preview shows which column went to which
// item and how many answer sheets are new; the import adds those.
export const PlatformImportDialog = ({
  target,
  templates,
  subjectsOf,
  onClose,
  onImported,
}: {
  target: TrainingClass;
  templates: readonly SurveyTemplate[];
  subjectsOf: (kind: Satisfaction) => SubjectOption[];
  onClose: () => void;
  onImported: (surveyId: number) => void;
}) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, issueText } = useErrorText();
  const job = useJob();
  // What the file answers and how its numbers read, with the file: each change reads it again, so
  // that the preview is always of the choice on screen.
  const [choice, setChoice] = useState<Choice>({ kind: 'trainees', subjectId: null });
  // The choice as last set, for a change that lands after an await: choosing the file waits on the
  // file dialog, and the kind picked meanwhile (or just before, not yet drawn) must not be undone by
  // the choice the button's handler saw (the 8 answers of a 腾讯问卷 went to 学员满意度测评 so).
  const latest = useRef(choice);
  const [preview, setPreview] = useState<PlatformPreview>();
  const [refusal, setRefusal] = useState<AppErrorShape>();
  const reading = useRef(0);
  const { kind, subjectId, oneMeans, file } = choice;
  const subjectKind = templates.find((template) => template.satisfaction === kind)?.subject ?? 'class';
  const sourceOf = (of: Choice, grant: string) => ({
    classId: target.id,
    grant,
    satisfaction: of.kind,
    subjectId: of.subjectId,
    ...(of.oneMeans === undefined ? {} : { oneMeans: of.oneMeans }),
  });

  const update = async (patch: Partial<Choice>) => {
    const next = { ...latest.current, ...patch };
    latest.current = next;
    setChoice(next);
    setPreview(undefined);
    setRefusal(undefined);
    if (!next.file) return;
    const grant = next.file.grant;
    // Only the latest reading is shown: an earlier one answering late is dropped.
    reading.current += 1;
    const mine = reading.current;
    const result = await job.run(t('surveysPage.platform.reading'), (jobId) =>
      api.surveys.platformPreview({ ...sourceOf(next, grant), jobId }),
    );
    if (mine !== reading.current) return;
    if (result.ok) setPreview(result.value);
    else if (result.error.code !== 'CANCELLED') setRefusal(result.error);
  };

  const choose = async () => {
    const picked = await api.files.chooseOpen({ purpose: 'tableImport' });
    if (!picked.ok) return message.error(errorText(picked.error));
    if (picked.value.grant) await update({ file: { grant: picked.value.grant, name: picked.value.name ?? '' } });
  };

  const commit = async () => {
    if (!file || !preview) return;
    const result = await job.run(t('surveysPage.platform.importing'), (jobId) =>
      api.surveys.platformCommit({ ...sourceOf(choice, file.grant), token: preview.token, jobId }),
    );
    if (!result.ok) return setRefusal(result.error);
    const { survey, added, already } = result.value;
    message.success(
      already > 0
        ? t('surveysPage.platform.doneSome', { survey: survey.title, added, already })
        : t('surveysPage.platform.done', { survey: survey.title, added }),
    );
    onImported(survey.id);
  };

  const needsOneMeans = preview?.numbers === true && oneMeans === undefined;
  const purposeOf = (column: PlatformPreview['columns'][number]) =>
    column.use === 'item'
      ? t('surveysPage.platform.toItem', { n: column.item ?? 0, name: preview?.survey.items[(column.item ?? 1) - 1] ?? '' })
      : t(`surveysPage.platform.uses.${column.use}`);

  return (
    <Modal
      open
      width={760}
      title={t('surveysPage.platform.title')}
      okText={t('surveysPage.platform.ok', { count: preview?.added ?? 0 })}
      cancelText={t('common.cancel')}
      onOk={() => void commit()}
      onCancel={onClose}
      okButtonProps={{ disabled: !preview || needsOneMeans || preview.added === 0 || job.working !== undefined }}
      destroyOnHidden
    >
      <Flex vertical gap={12} data-testid="platform-import">
        <Typography.Text type="secondary">{t('surveysPage.platform.help')}</Typography.Text>
        <Flex gap={8} wrap>
          <Select
            style={{ width: 200 }}
            aria-label={t('surveysPage.kind')}
            value={kind}
            onChange={(value) => void update({ kind: value, subjectId: null })}
            options={satisfactions.map((value) => ({
              value,
              label: templates.find((template) => template.satisfaction === value)?.name ?? value,
            }))}
          />
          {subjectKind !== 'class' && (
            <Select
              style={{ width: 280 }}
              showSearch
              allowClear
              optionFilterProp="label"
              aria-label={t('surveysPage.subject')}
              placeholder={t('surveysPage.platform.wholeClass')}
              value={subjectId ?? undefined}
              onChange={(value?: number) => void update({ subjectId: value ?? null })}
              options={subjectsOf(kind)}
            />
          )}
          <Button icon={<FileExcelOutlined />} onClick={() => void choose()}>
            {file ? t('surveysPage.platform.another') : t('surveysPage.platform.choose')}
          </Button>
        </Flex>
        {file && <Typography.Text>{t('surveysPage.platform.file', { name: file.name })}</Typography.Text>}
        {job.working && <JobProgressBar working={job.working} onCancel={job.cancel} />}
        {refusal && (
          <Alert
            type="error"
            showIcon
            data-testid="platform-refusal"
            message={errorText(refusal)}
            description={
              (refusal.details?.issues?.length ?? 0) > 1 ? (
                <ul style={{ margin: 0, paddingInlineStart: 18 }}>
                  {(refusal.details?.issues ?? []).map((issue, index) => (
                    <li key={index}>{issueText(issue)}</li>
                  ))}
                </ul>
              ) : undefined
            }
          />
        )}
        {preview && (
          <>
            {preview.numbers && (
              <Flex vertical gap={4}>
                <Typography.Text strong>{t('surveysPage.platform.numbers')}</Typography.Text>
                <Radio.Group
                  aria-label={t('surveysPage.platform.numbers')}
                  value={oneMeans}
                  onChange={(event) => void update({ oneMeans: event.target.value as OneMeans })}
                  options={[
                    { value: 'best', label: t('surveysPage.platform.oneBest') },
                    { value: 'worst', label: t('surveysPage.platform.oneWorst') },
                  ]}
                />
              </Flex>
            )}
            <Alert
              type={preview.added === 0 ? 'warning' : 'info'}
              showIcon
              data-testid="platform-preview"
              message={
                preview.added === 0
                  ? t('surveysPage.platform.nothingNew', { already: preview.already, survey: preview.survey.title })
                  : t(preview.already === 0 ? 'surveysPage.platform.summaryNew' : 'surveysPage.platform.summary', {
                      platform: t(`surveysPage.platform.names.${preview.platform}`),
                      survey: preview.survey.title,
                      added: preview.added,
                      already: preview.already,
                    })
              }
              // Figures of what would be added: none when nothing would.
              description={
                preview.added === 0
                  ? undefined
                  : t('surveysPage.platform.details', {
                      skipped: preview.skipped,
                      comments: preview.comments,
                      rate: preview.satisfiedRate === null ? '—' : `${preview.satisfiedRate}%`,
                    })
              }
            />
            <Table
              size="small"
              pagination={false}
              scroll={{ y: 300 }}
              rowKey="letter"
              data-testid="platform-columns"
              dataSource={preview.columns}
              columns={[
                { title: t('surveysPage.platform.column'), dataIndex: 'letter', width: 50 },
                { title: t('surveysPage.platform.header'), dataIndex: 'header', ellipsis: true },
                {
                  title: t('surveysPage.platform.use'),
                  key: 'use',
                  width: 260,
                  render: (_, column) =>
                    column.use === 'item' || column.use === 'comment' ? (
                      <Tag color={column.use === 'item' ? 'blue' : 'green'}>{purposeOf(column)}</Tag>
                    ) : (
                      <Typography.Text type="secondary">{purposeOf(column)}</Typography.Text>
                    ),
                },
              ]}
            />
          </>
        )}
      </Flex>
    </Modal>
  );
};
