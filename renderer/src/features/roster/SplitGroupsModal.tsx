import { App, Form, InputNumber, Modal, Table, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OutputOf } from '../../../../shared/contract';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';

type Summary = OutputOf<'roster.splitGroups'>['groups'];

export const SplitGroupsModal = ({ classId, onClose }: { classId: number; onClose: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  // The whole roster, whatever the table is filtered to: everyone attending takes part.
  const roster = useQuery(() => api.roster.list({ classId }), `split:${classId}`);
  const attending = roster.data?.items.filter((entry) => entry.status !== 'withdrawn').length ?? 0;
  const [chosen, setGroups] = useState<number>();
  // Study groups of about eight are the usual size.
  const groups = chosen ?? Math.max(1, Math.min(99, Math.round(attending / 8) || 1));
  const [result, setResult] = useState<Summary>();
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    const answer = await api.roster.splitGroups({ classId, groups });
    setBusy(false);
    if (!answer.ok) return message.error(errorText(answer.error));
    message.success(t('roster.splitDialog.done', { count: answer.value.groups.length }));
    setResult(answer.value.groups);
  };

  return (
    <Modal
      open
      title={t('roster.splitDialog.title')}
      okText={result ? t('importWizard.close') : t('roster.splitDialog.run')}
      cancelText={t('common.cancel')}
      onOk={() => (result ? onClose() : void run())}
      onCancel={onClose}
      confirmLoading={busy}
      cancelButtonProps={{ style: result ? { display: 'none' } : {} }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">{t('roster.splitDialog.intro', { count: attending })}</Typography.Paragraph>
      {!result && (
        <Form layout="inline">
          <Form.Item
            label={t('roster.splitDialog.groups')}
            extra={t('roster.splitDialog.perGroup', { n: Math.ceil(attending / Math.max(1, groups)) })}
          >
            <InputNumber
              min={1}
              max={Math.max(1, Math.min(99, attending))}
              value={groups}
              onChange={(value) => setGroups(value ?? 1)}
              aria-label={t('roster.splitDialog.groups')}
              autoFocus
            />
          </Form.Item>
        </Form>
      )}
      {result && (
        <Table
          size="small"
          rowKey="group"
          pagination={false}
          dataSource={result}
          data-testid="split-result"
          columns={[
            {
              key: 'group',
              title: t('roster.splitDialog.resultGroup'),
              render: (_, row) => t('roster.groupN', { n: row.group }),
            },
            { key: 'size', title: t('roster.splitDialog.resultSize'), dataIndex: 'size' },
            { key: 'sex', title: t('roster.splitDialog.resultSex'), render: (_, row) => `${row.male} / ${row.female}` },
            { key: 'units', title: t('roster.splitDialog.resultUnits'), dataIndex: 'units' },
            { key: 'shared', title: t('roster.splitDialog.resultShared'), dataIndex: 'sharedUnits' },
          ]}
        />
      )}
    </Modal>
  );
};
