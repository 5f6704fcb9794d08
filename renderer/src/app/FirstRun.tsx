import { Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useErrorText } from './errors';
import { useQuery } from './use-query';

// Offered once, to an empty database: the three 2019 Liaoyuan classes, or a blank start.
export const FirstRun = () => {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const info = useQuery(() => api.app.info({}), 'app-info');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const finish = async (withSample: boolean) => {
    setBusy(true);
    const result = withSample ? await api.app.loadSample({}) : await api.settings.update({ firstRunDone: true });
    setBusy(false);
    if (!result.ok) setProblem(errorText(result.error));
  };

  return (
    <Modal
      open={info.data?.firstRun === true}
      title={t('firstRun.title')}
      closable={false}
      maskClosable={false}
      keyboard={false}
      footer={null}
      width={520}
    >
      <Typography.Paragraph>{t('firstRun.body')}</Typography.Paragraph>
      {problem && <Typography.Paragraph type="danger">{problem}</Typography.Paragraph>}
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={() => void finish(false)} disabled={busy}>
          {t('firstRun.startEmpty')}
        </Button>
        <Button type="primary" onClick={() => void finish(true)} loading={busy} autoFocus>
          {t('firstRun.loadSample')}
        </Button>
      </Space>
    </Modal>
  );
};
