import { CheckCircleOutlined, CloudUploadOutlined, FolderOpenOutlined, SafetyOutlined, WarningOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Empty,
  Flex,
  InputNumber,
  Space,
  Switch,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, BackupSource } from '../../../../shared/backup/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery, useRead } from '../../app/use-query';
import { appInfoRead, settingsRead } from '../../app/reads';
import { JobProgressBar } from '../../components/JobProgressBar';
import { useJob } from '../../components/use-job';
import { useRequested } from '../../components/use-requested';
import { type CheckReport } from '../../../../shared/check/schemas';

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type RetentionSetting = 'backupKeep' | 'backupKeepDaily' | 'backupKeepWeekly' | 'backupKeepMonthly';

// The four rules a backup can be kept by, each with its figure; 0 turns a rule off (the last N never).
const retentionInputs = [
  { setting: 'backupKeep', rule: 'last', min: 1, max: 365 },
  { setting: 'backupKeepDaily', rule: 'daily', min: 0, max: 365 },
  { setting: 'backupKeepWeekly', rule: 'weekly', min: 0, max: 260 },
  { setting: 'backupKeepMonthly', rule: 'monthly', min: 0, max: 240 },
] as const satisfies readonly { setting: RetentionSetting; rule: string; min: number; max: number }[];

// 清理 is offered when files/ holds what no record names, or files nothing refers to any more.
const CheckResult = ({ report, onClean, cleaning }: { report: CheckReport; onClean: () => void; cleaning: boolean }) => {
  const { t } = useTranslation();
  const status = (fine: boolean, problem: string) =>
    fine ? <Tag color="green">{t('data.fine')}</Tag> : <Tag color="red">{problem}</Tag>;
  const files = report.files;
  const filesFine = files.missing.length + files.mismatched.length + files.orphans.length + files.leftovers.length === 0;
  return (
    <Flex vertical gap={12} data-testid="check-report">
      <Alert
        type={report.ok ? 'success' : 'error'}
        showIcon
        icon={report.ok ? <CheckCircleOutlined /> : <WarningOutlined />}
        title={report.ok ? t('data.checkOk') : t('data.checkProblems')}
        description={t('data.counts', report.counts)}
      />
      <Descriptions bordered size="small" column={1}>
        <Descriptions.Item label={t('data.integrity')}>
          {status(report.integrity.length === 0, report.integrity.join(t('text.clauses')))}
        </Descriptions.Item>
        <Descriptions.Item label={t('data.foreignKeys')}>
          {status(report.foreignKeys.length === 0, t('data.broken', { count: report.foreignKeys.length }))}
        </Descriptions.Item>
        <Descriptions.Item label={t('data.files')}>
          <Space>
            {status(
              filesFine,
              t('data.broken', {
                count: files.missing.length + files.mismatched.length + files.orphans.length + files.leftovers.length,
              }),
            )}
            <Typography.Text type="secondary">
              {t('data.filesSummary', {
                checked: files.checked,
                missing: files.missing.length,
                mismatched: files.mismatched.length,
                orphans: files.orphans.length,
                leftovers: files.leftovers.length,
              })}
            </Typography.Text>
            {files.orphans.length + files.leftovers.length + files.unreferenced.length > 0 && (
              <Button size="small" loading={cleaning} onClick={onClean} data-testid="clean-files">
                {t('data.clean')}
              </Button>
            )}
          </Space>
          {files.unreferenced.length > 0 && (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {t('data.unreferenced', { count: files.unreferenced.length })}
            </Typography.Paragraph>
          )}
        </Descriptions.Item>
      </Descriptions>
    </Flex>
  );
};

// Backups (now, automatic, restore) and the data check, on one page.
export const DataPage = () => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { errorText, reportFailure } = useErrorText();
  const backups = useQuery(() => api.backup.list({}), 'backups');
  const settings = useRead(settingsRead);
  const info = useRead(appInfoRead);
  const job = useJob();
  const checkJob = useJob();
  const [report, setReport] = useState<CheckReport>();

  // Whether a backup was made.
  const backupNow = async (): Promise<boolean> => {
    const result = await job.run(t('data.backingUp'), (jobId) => api.backup.create({ jobId }));
    if (!result.ok) {
      reportFailure(message, result.error);
      return false;
    }
    message.success(t('data.backedUp', { count: result.value.counts.classes, trainees: result.value.counts.trainees }));
    return true;
  };
  useRequested('backup', () => void backupNow());
  useRequested('restore', () => message.info(t('data.chooseToRestore')));

  // A backup in the backup folder is named by its name; one elsewhere by the folder the person chose.
  // One made from another database (a workstation sharing the backup folder) says so before anything.
  const restore = (backup: BackupInfo, source: BackupSource) => {
    void modal.confirm({
      title: t('data.restoreTitle'),
      width: 560,
      content: (
        <Flex vertical gap={12}>
          {backup.otherDatabase === true && (
            <Alert type="warning" showIcon title={t('data.restoreOtherDatabase')} data-testid="restore-other-database" />
          )}
          <Typography.Paragraph>{t('data.restoreBody')}</Typography.Paragraph>
          <Descriptions bordered size="small" column={1} data-testid="restore-contents">
            <Descriptions.Item label={t('data.columns.createdAt')}>
              {new Date(backup.createdAt).toLocaleString()}
            </Descriptions.Item>
            <Descriptions.Item label={t('data.columns.contents')}>{t('data.contents', backup.counts)}</Descriptions.Item>
            <Descriptions.Item label={t('data.columns.size')}>{megabytes(backup.bytes)}</Descriptions.Item>
          </Descriptions>
        </Flex>
      ),
      okText: t('data.restoreConfirm'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await job.run(t('data.restoring'), (jobId) => api.backup.restore({ ...source, jobId }));
        if (!result.ok) return reportFailure(message, result.error);
        message.success(t('data.restored', { time: new Date(result.value.restored.createdAt).toLocaleString() }));
      },
    });
  };

  const restoreOther = async () => {
    const chosen = await api.files.chooseFolder({ purpose: 'restoreFrom' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const grant = chosen.value.grant;
    if (!grant) return;
    const inspected = await api.backup.inspect({ grant });
    if (!inspected.ok) return message.error(errorText(inspected.error));
    restore(inspected.value, { grant });
  };

  const changeFolder = async () => {
    const chosen = await api.files.chooseFolder({ purpose: 'backupFolder' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    if (chosen.value.grant) await setFolder(chosen.value.grant);
  };

  const setFolder = async (grant: string | null) => {
    const result = await api.backup.setFolder({ grant });
    if (!result.ok) message.error(errorText(result.error));
  };

  const save = async (patch: Partial<Record<RetentionSetting, number>> & { autoBackup?: boolean }) => {
    const result = await api.settings.update(patch);
    if (!result.ok) message.error(errorText(result.error));
  };

  const runCheck = async () => {
    setReport(undefined);
    const result = await checkJob.run(t('data.checking'), (jobId) => api.check.run({ jobId }));
    if (!result.ok) return reportFailure(message, result.error);
    setReport(result.value);
  };

  const clean = async () => {
    const result = await checkJob.run(t('data.cleaning'), (jobId) => api.check.clean({ jobId }));
    if (!result.ok) return reportFailure(message, result.error);
    const { removed, bytes, waiting, strays } = result.value;
    if (removed + strays > 0)
      message.success(t('data.cleaned', { removed, strays, megabytes: (bytes / 1024 / 1024).toFixed(1) }));
    await runCheck();
    // A file nothing refers to goes only once a backup holds it: with none yet, say so and offer one.
    if (waiting > 0)
      void modal.confirm({
        title: t('data.cleanWaitingTitle'),
        content: t('data.cleanWaiting', { waiting }),
        okText: t('data.backupThenClean'),
        cancelText: t('common.cancel'),
        onOk: async () => {
          if (await backupNow()) await clean();
        },
      });
  };

  const current = settings.data;
  return (
    <Flex vertical gap={16} style={{ maxWidth: 1100 }}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('data.title')}
      </Typography.Title>
      {info.data?.warnings.includes('network_drive') && (
        <Alert type="warning" showIcon title={t('data.networkWarning', { dir: info.data.dataDir })} />
      )}
      <Card
        title={t('data.backups')}
        size="small"
        extra={
          <Space>
            <Button icon={<FolderOpenOutlined />} onClick={() => void restoreOther()}>
              {t('data.restoreOther')}
            </Button>
            <Button
              type="primary"
              icon={<CloudUploadOutlined />}
              loading={job.working !== undefined}
              onClick={() => void backupNow()}
            >
              {t('data.backupNow')}
            </Button>
          </Space>
        }
      >
        <Typography.Paragraph type="secondary">{t('data.backupHelp')}</Typography.Paragraph>
        {backups.data?.folderMissing && (
          <Alert
            type="error"
            showIcon
            style={{ marginBottom: 16 }}
            title={t('data.folderMissing', { dir: backups.data.dir })}
            description={t('data.folderMissingHelp')}
            data-testid="backup-folder-missing"
          />
        )}
        {current && (
          <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
            <Descriptions.Item label={t('data.folder')} span={2}>
              <Space wrap>
                <Typography.Text code copyable>
                  {backups.data?.dir}
                </Typography.Text>
                <Button size="small" onClick={() => void changeFolder()}>
                  {t('data.change')}
                </Button>
                {current.backupDir && (
                  <Button size="small" onClick={() => void setFolder(null)}>
                    {t('data.useDefault')}
                  </Button>
                )}
              </Space>
            </Descriptions.Item>
            <Descriptions.Item label={t('data.keep')} span={2}>
              <Flex vertical gap={4}>
                <Space wrap size={12}>
                  {retentionInputs.map(({ setting, rule, min, max }) => (
                    <InputNumber
                      key={setting}
                      size="small"
                      min={min}
                      max={max}
                      precision={0}
                      style={{ width: 150 }}
                      prefix={t(`data.keepRules.${rule}.before`)}
                      suffix={t(`data.keepRules.${rule}.after`)}
                      value={current[setting]}
                      onChange={(value) => value !== null && void save({ [setting]: value })}
                      aria-label={t(`data.keepRules.${rule}.label`)}
                    />
                  ))}
                </Space>
                <Typography.Text type="secondary">{t('data.keepHelp')}</Typography.Text>
              </Flex>
            </Descriptions.Item>
            <Descriptions.Item label={t('data.auto')}>
              <Switch
                checked={current.autoBackup}
                onChange={(checked) => void save({ autoBackup: checked })}
                aria-label={t('data.auto')}
              />
            </Descriptions.Item>
            <Descriptions.Item label={t('data.last')}>
              {current.lastBackupAt ? new Date(current.lastBackupAt).toLocaleString() : t('data.never')}
              {backups.data?.due && current.autoBackup ? (
                <Tag color="gold" style={{ marginLeft: 8 }}>
                  {t('data.due')}
                </Tag>
              ) : null}
            </Descriptions.Item>
          </Descriptions>
        )}
        {job.working && (
          <div style={{ marginBottom: 16 }}>
            <JobProgressBar working={job.working} onCancel={job.cancel} />
          </div>
        )}
        <Table<BackupInfo>
          size="small"
          rowKey="path"
          pagination={false}
          dataSource={backups.data?.items ?? []}
          data-testid="backup-list"
          locale={{ emptyText: <Empty description={t(backups.data?.folderMissing ? 'data.emptyAway' : 'data.empty')} /> }}
          columns={[
            {
              key: 'createdAt',
              title: t('data.columns.createdAt'),
              width: 200,
              render: (_, b) => new Date(b.createdAt).toLocaleString(),
            },
            {
              key: 'reason',
              title: t('data.columns.reason'),
              width: 110,
              render: (_, b) => <Tag>{t(`data.reasons.${b.reason}`)}</Tag>,
            },
            {
              key: 'contents',
              title: t('data.columns.contents'),
              render: (_, b) => (
                <Space size={4} wrap>
                  {t('data.contents', b.counts)}
                  {b.otherDatabase === true && (
                    <Tooltip title={t('data.otherDatabaseHelp')}>
                      <Tag color="orange" data-testid="other-database">
                        {t('data.otherDatabase')}
                      </Tag>
                    </Tooltip>
                  )}
                </Space>
              ),
            },
            {
              key: 'keptBy',
              title: t('data.columns.keptBy'),
              width: 230,
              render: (_, b) => (
                <Space size={4} wrap>
                  {(b.keptBy ?? []).map((rule) => (
                    <Tag key={rule} color={rule === 'protected' ? 'gold' : 'blue'}>
                      {t(`data.keptBy.${rule}`)}
                    </Tag>
                  ))}
                </Space>
              ),
            },
            { key: 'size', title: t('data.columns.size'), width: 100, render: (_, b) => megabytes(b.bytes) },
            {
              key: 'actions',
              title: t('data.columns.actions'),
              width: 100,
              render: (_, b) => (
                <Button size="small" danger onClick={() => restore(b, { backup: b.name })}>
                  {t('data.restore')}
                </Button>
              ),
            },
          ]}
        />
      </Card>
      <Card
        title={t('data.check')}
        size="small"
        extra={
          <Button icon={<SafetyOutlined />} loading={checkJob.working !== undefined} onClick={() => void runCheck()}>
            {t('data.runCheck')}
          </Button>
        }
      >
        <Typography.Paragraph type="secondary">{t('data.checkHelp')}</Typography.Paragraph>
        {checkJob.working && <JobProgressBar working={checkJob.working} onCancel={checkJob.cancel} />}
        {report && <CheckResult report={report} onClean={() => void clean()} cleaning={checkJob.working !== undefined} />}
      </Card>
    </Flex>
  );
};
