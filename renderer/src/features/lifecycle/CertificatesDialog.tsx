import { Alert, Button, Flex, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrainingClass } from '../../../../shared/classes/schemas';
import type { CertificateCandidates } from '../../../../shared/lifecycle/schemas';
import { fileNameOf } from '../../../../shared/files/schemas';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { useQuery } from '../../app/use-query';
import { ExportDialog } from '../../components/ExportDialog';

type Person = CertificateCandidates['people'][number];

// Before any 结业证书 is written, the person sees who has not met the class's requirements and why
// ("朴成浩：未提交调研报告；缺勤 2 次") and chooses: those who met them are ticked, the others are not
// unless ticked on purpose. Then the save dialog, for the chosen only.
export const CertificatesDialog = ({ target, onClose }: { target: TrainingClass; onClose: () => void }) => {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const candidates = useQuery(
    () => api.lifecycle.certificateCandidates({ classId: target.id }),
    `closing-candidates:${target.id}`,
  );
  // Undefined until the person changes it: those who met the requirements.
  const [picked, setPicked] = useState<number[]>();
  const [saving, setSaving] = useState(false);
  const data = candidates.data;
  const people = data?.people ?? [];
  const met = people.filter((p) => p.met);
  const chosen = picked ?? met.map((p) => p.traineeId);
  const chosenSet = new Set(chosen);
  const leftOut = people.filter((p) => !chosenSet.has(p.traineeId));

  if (saving)
    return (
      <ExportDialog
        title={t('closingPage.documents.certificates')}
        onClose={onClose}
        request={() => ({
          fileName: fileNameOf(t('closingPage.fileNames.certificates', { name: target.name }), 'pdf'),
          format: 'pdf',
          start: (grant, jobId) => api.lifecycle.certificates({ classId: target.id, grant, jobId, traineeIds: chosen }),
        })}
      >
        <Typography.Paragraph>{t('closingPage.certificates.exportSummary', { count: chosen.length })}</Typography.Paragraph>
        {leftOut.length > 0 && (
          <Typography.Paragraph type="warning" data-testid="certificates-left-out">
            {t('closingPage.certificates.leftOut', {
              count: leftOut.length,
              names: leftOut.map((p) => p.name).join(t('text.list')),
            })}
          </Typography.Paragraph>
        )}
      </ExportDialog>
    );

  return (
    <Modal
      open
      width={880}
      centered
      title={t('closingPage.certificates.title')}
      onCancel={onClose}
      maskClosable={false}
      footer={
        <Flex justify="space-between" align="center" gap={8} wrap>
          <Space wrap>
            <Button onClick={() => setPicked(met.map((p) => p.traineeId))}>{t('closingPage.certificates.selectMet')}</Button>
            <Button onClick={() => setPicked(people.map((p) => p.traineeId))}>{t('closingPage.certificates.selectAll')}</Button>
          </Space>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" disabled={chosen.length === 0} onClick={() => setSaving(true)} data-testid="certificates-next">
              {t('closingPage.certificates.next', { count: chosen.length })}
            </Button>
          </Space>
        </Flex>
      }
    >
      <Flex vertical gap={12}>
        <Typography.Text type="secondary">
          {t('closingPage.certificates.intro')} {t('closingPage.certificates.numberFormat')}
        </Typography.Text>
        {candidates.error && <Alert type="error" showIcon title={errorText(candidates.error)} />}
        {data?.warnings.map((warning) => (
          <Alert key={warning} type="warning" showIcon title={warning} />
        ))}
        {data && (
          <Typography.Text strong data-testid="certificates-summary">
            {people.length === 0
              ? t('closingPage.certificates.noRoster')
              : `${t('closingPage.certificates.summary', { met: met.length, unmet: people.length - met.length })}${t('common.comma')}${t('closingPage.certificates.chosen', { count: chosen.length })}`}
          </Typography.Text>
        )}
        <Table<Person>
          size="small"
          rowKey="traineeId"
          data-testid="certificates-people"
          loading={candidates.data === undefined && candidates.error === undefined}
          dataSource={people}
          pagination={false}
          // The list scrolls, the buttons stay on a 720 px screen.
          scroll={{ y: 'min(360px, calc(100vh - 420px))' }}
          rowSelection={{
            selectedRowKeys: chosen,
            onChange: (keys) => setPicked(people.filter((p) => keys.includes(p.traineeId)).map((p) => p.traineeId)),
            getCheckboxProps: (p) => ({ 'aria-label': p.name }),
          }}
          columns={[
            { key: 'number', title: t('closingPage.certificates.number'), dataIndex: 'number', width: 220 },
            { key: 'name', title: t('closingPage.certificates.name'), dataIndex: 'name', width: 96 },
            { key: 'unit', title: t('closingPage.certificates.unit'), dataIndex: 'unit', ellipsis: true },
            {
              key: 'requirement',
              title: t('closingPage.certificates.requirement'),
              width: 280,
              render: (_, p) =>
                p.met ? (
                  <Tag color="success">{t('closingPage.certificates.met')}</Tag>
                ) : (
                  <Typography.Text type="danger">{p.reasons.map((r) => r.text).join(t('text.clauses'))}</Typography.Text>
                ),
            },
          ]}
        />
      </Flex>
    </Modal>
  );
};
