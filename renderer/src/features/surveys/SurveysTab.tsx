import { CloudDownloadOutlined, DownloadOutlined, ImportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, List, Modal, Progress, Radio, Select, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import { type Satisfaction, satisfactions, scoreWords, type SurveyResults } from '../../../../shared/surveys/schemas';
import { fileNameOf } from '../../../../shared/files/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { useTableImport } from '../../components/use-table-import';
import { PlatformImportDialog } from './PlatformImportDialog';
import { ResponseGrid } from './ResponseGrid';

const ok = <T,>(value: T) => Promise.resolve({ ok: true as const, value });

// The figures of one survey: per item the mean, how the scores spread, the share satisfied.
const Results = ({ results }: { results: SurveyResults }) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12}>
      <Table
        size="small"
        pagination={false}
        rowKey="item"
        dataSource={results.items}
        data-testid="survey-results"
        columns={[
          // What the row is about keeps its width (at 1280 px it was squeezed to one character a
          // line); the score tags wrap instead.
          { title: t('surveysPage.item'), dataIndex: 'item', width: 150 },
          { title: t('surveysPage.answered'), dataIndex: 'answered', width: 70 },
          { title: t('surveysPage.mean'), dataIndex: 'mean', width: 70, render: (mean: number | null) => mean ?? '' },
          {
            title: t('surveysPage.distribution'),
            key: 'distribution',
            render: (_, item) => (
              <Flex gap={4} wrap>
                {item.distribution.map((count, index) => (
                  <Tag key={index} color={index >= 3 ? 'green' : index === 2 ? 'default' : 'red'} title={scoreWords[index]}>
                    {t('surveysPage.scoreCount', { score: index + 1, count })}
                  </Tag>
                ))}
              </Flex>
            ),
          },
          {
            title: t('surveysPage.satisfiedRate'),
            dataIndex: 'satisfiedRate',
            width: 140,
            render: (rate: number | null) =>
              rate === null ? '' : <Progress percent={rate} size="small" format={(p) => `${p}%`} />,
          },
        ]}
      />
      {results.comments.length > 0 && (
        <Card size="small" title={t('surveysPage.comments', { count: results.comments.length })}>
          <List size="small" dataSource={results.comments} renderItem={(comment) => <List.Item>{comment}</List.Item>} />
        </Card>
      )}
    </Flex>
  );
};

// A class's satisfaction surveys: the four satisfactions about the class, its courses, teachers and
// teaching points; questionnaires typed into a grid or imported from Excel; the results.
export const SurveysTab = ({ target }: { target: TrainingClass }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText, reportFailure } = useErrorText();
  const readOnly = target.status === 'archived';
  const surveys = useQuery(() => api.surveys.list({ classId: target.id }), `surveys:${target.id}`);
  const templates = useQuery(() => api.surveys.templates({}), 'survey-templates');
  const sessions = useQuery(() => api.schedule.list({ classId: target.id }), `sessions:${target.id}`);
  const staff = useQuery(() => api.staff.list({}), 'staff:');
  const sites = useQuery(() => api.sites.tree({ includeInactive: true }), 'sites:all');
  const [chosen, setChosen] = useState<number>();
  const [creating, setCreating] = useState(false);
  const [fromPlatform, setFromPlatform] = useState(false);
  const [kind, setKind] = useState<Satisfaction>('organisation');
  const [subjectId, setSubjectId] = useState<number>();
  const importer = useTableImport();
  const list = surveys.data ?? [];
  const survey = list.find((s) => s.id === chosen) ?? list[0];
  // The questionnaires with the survey they belong to: while another survey's are still loading, the
  // grid waits rather than showing (and saving) the previous survey's.
  const responses = useQuery(
    async () => {
      if (!survey) return ok(undefined);
      const loaded = await api.surveys.responses({ surveyId: survey.id });
      // Keeps what the answer read (loaded.read), so that only writes to it reload the list.
      return loaded.ok ? { ...loaded, value: { surveyId: survey.id, rows: loaded.value } } : loaded;
    },
    `responses:${survey?.id ?? 0}:${survey?.responses ?? 0}`,
  );
  const results = useQuery(
    () => (survey ? api.surveys.results({ surveyId: survey.id }) : ok(undefined)),
    `results:${survey?.id ?? 0}:${survey?.responses ?? 0}`,
  );
  const subjectOf = (satisfaction: Satisfaction) =>
    templates.data?.find((template) => template.satisfaction === satisfaction)?.subject ?? 'class';
  const subject = subjectOf(kind);
  // Who a survey of this kind can be about: the class's courses, the teachers, the teaching points.
  const subjectsOf = (satisfaction: Satisfaction) => {
    const about = subjectOf(satisfaction);
    return about === 'session'
      ? (sessions.data ?? []).map((s) => ({
          value: s.id,
          label: t('surveysPage.sessionLabel', { title: s.title, date: s.date }),
        }))
      : about === 'teacher'
        ? (staff.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))
        : about === 'site'
          ? (sites.data?.bases ?? []).flatMap((b) => b.points).map((p) => ({ value: p.id, label: p.name }))
          : [];
  };
  const subjects = subjectsOf(kind);

  const create = async () => {
    const result = await api.surveys.create({
      classId: target.id,
      satisfaction: kind,
      subject,
      subjectId: subject === 'class' ? null : (subjectId ?? null),
    });
    if (!result.ok) return reportFailure(message, result.error);
    setChosen(result.value.id);
    setCreating(false);
  };

  // The empty table the Excel import reads, to fill in from the paper questionnaires.
  const downloadTemplate = async () => {
    const chosen = await api.files.chooseSave({
      purpose: 'export',
      defaultName: fileNameOf(t('surveysPage.templateName', { name: target.name }), 'xlsx'),
      format: 'xlsx',
    });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const grant = chosen.value.grant;
    if (!grant) return;
    const result = await api.surveys.template({ classId: target.id, grant });
    if (!result.ok) return reportFailure(message, result.error);
    message.success(t('surveysPage.templateSaved', { path: result.value.path }));
  };

  const importFile = () =>
    importer.run({
      source: 'surveys',
      title: t('surveysPage.importTitle'),
      preview: (grant, jobId) => api.surveys.importPreview({ classId: target.id, grant, jobId }),
      commit: (grant, token, jobId) => api.surveys.import({ classId: target.id, grant, token, jobId }),
      done: (counts) => t('surveysPage.imported', counts),
    });

  return (
    <Flex vertical gap={16} data-testid="surveys-tab">
      <Flex justify="flex-end" gap={8}>
        <Button icon={<CloudDownloadOutlined />} disabled={readOnly} onClick={() => setFromPlatform(true)}>
          {t('surveysPage.platform.open')}
        </Button>
        <Button icon={<ImportOutlined />} disabled={readOnly} onClick={() => void importFile()}>
          {t('surveysPage.import')}
        </Button>
        <Button type="primary" icon={<PlusOutlined />} disabled={readOnly} onClick={() => setCreating(true)}>
          {t('surveysPage.create')}
        </Button>
      </Flex>
      {importer.dialog}
      {list.length === 0 ? (
        <Card>
          <Empty description={t('surveysPage.none')}>
            <Flex vertical align="center" gap={8}>
              <Button icon={<DownloadOutlined />} onClick={() => void downloadTemplate()}>
                {t('surveysPage.template')}
              </Button>
              <Typography.Text type="secondary">{t('surveysPage.templateHelp')}</Typography.Text>
              <Typography.Text type="secondary">{t('surveysPage.platformHint')}</Typography.Text>
            </Flex>
          </Empty>
        </Card>
      ) : (
        <Flex gap={16} align="start">
          <Card size="small" style={{ width: 300, flex: 'none' }} title={t('surveysPage.list')}>
            <List
              size="small"
              dataSource={list}
              data-testid="survey-list"
              renderItem={(item) => (
                <List.Item
                  onClick={() => setChosen(item.id)}
                  style={{ cursor: 'pointer', background: item.id === survey?.id ? '#e6f0ff' : undefined, paddingInline: 8 }}
                >
                  <Flex vertical>
                    <Typography.Text strong>{item.title}</Typography.Text>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t('surveysPage.summary', {
                        responses: item.responses,
                        mean: item.mean ?? '—',
                        rate: item.satisfiedRate === null ? '—' : t('surveysPage.percent', { value: item.satisfiedRate }),
                      })}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          </Card>
          {survey && (
            <Flex vertical gap={16} style={{ flex: 1, minWidth: 0 }}>
              <Typography.Title level={5} style={{ margin: 0 }} data-testid="survey-title">
                {survey.title}
              </Typography.Title>
              {results.data && <Results results={results.data} />}
              {responses.data?.surveyId === survey.id && (
                <ResponseGrid
                  // Saved rows come back with their ids: the grid starts again from what was stored.
                  key={`${survey.id}:${responses.data.rows.map((row) => row.id).join(',')}`}
                  survey={survey}
                  responses={responses.data.rows}
                  readOnly={readOnly}
                />
              )}
            </Flex>
          )}
        </Flex>
      )}
      {fromPlatform && (
        <PlatformImportDialog
          target={target}
          templates={templates.data ?? []}
          subjectsOf={subjectsOf}
          onClose={() => setFromPlatform(false)}
          onImported={(surveyId) => {
            setChosen(surveyId);
            setFromPlatform(false);
          }}
        />
      )}
      <Modal
        open={creating}
        title={t('surveysPage.create')}
        okText={t('surveysPage.createOk')}
        cancelText={t('common.cancel')}
        onOk={() => void create()}
        onCancel={() => setCreating(false)}
        okButtonProps={{ disabled: subject !== 'class' && subjectId === undefined }}
        destroyOnHidden
      >
        <Flex vertical gap={12}>
          <Typography.Text strong>{t('surveysPage.kind')}</Typography.Text>
          {/* The four satisfactions the project judges itself by, each said in one line. */}
          <Radio.Group
            aria-label={t('surveysPage.kind')}
            value={kind}
            onChange={(event) => {
              setKind(event.target.value as Satisfaction);
              setSubjectId(undefined);
            }}
          >
            <Flex vertical gap={8}>
              {satisfactions.map((value) => (
                <Radio key={value} value={value}>
                  <Flex vertical>
                    <span>{templates.data?.find((template) => template.satisfaction === value)?.name ?? value}</span>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {t(`surveysPage.kindHelp.${value}`)}
                    </Typography.Text>
                  </Flex>
                </Radio>
              ))}
            </Flex>
          </Radio.Group>
          {subject !== 'class' && <Typography.Text strong>{t('surveysPage.subject')}</Typography.Text>}
          {subject !== 'class' && (
            <Select
              showSearch
              optionFilterProp="label"
              aria-label={t('surveysPage.subject')}
              placeholder={t(`surveysPage.pick.${subject}`)}
              value={subjectId}
              onChange={setSubjectId}
              options={subjects}
            />
          )}
        </Flex>
      </Modal>
    </Flex>
  );
};
