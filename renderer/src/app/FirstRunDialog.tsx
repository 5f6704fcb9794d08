import { Button, Descriptions, Form, Input, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { DataFolderButton } from './DataFolderButton';
import { useErrorText } from './errors';
import { useRead } from './use-query';
import { appInfoRead } from './reads';

// Offered once, to an empty database: the school's name (for every document's heading), where the
// data is kept, and then the three 2019 Liaoyuan classes or a blank start (whose empty workbench
// leads on to the first class and its roster). Shown by FirstRun while the database is new.
export const FirstRunDialog = () => {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const info = useRead(appInfoRead);
  const [schoolName, setSchoolName] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();

  const finish = async (withSample: boolean) => {
    setBusy(true);
    const name = schoolName.trim();
    // The sample brings its own school; a name typed here is the person's own, and wins.
    let result = withSample
      ? await api.app.loadSample({})
      : await api.settings.update({ firstRunDone: true, ...(name ? { schoolName: name } : {}) });
    if (result.ok && withSample && name) result = await api.settings.update({ schoolName: name });
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
      width={560}
    >
      <Typography.Paragraph>{t('firstRun.welcome')}</Typography.Paragraph>
      <Form layout="vertical" onFinish={() => void finish(false)}>
        <Form.Item label={t('fields.schoolName')} extra={t('firstRun.schoolHelp')}>
          <Input
            value={schoolName}
            maxLength={60}
            placeholder={t('firstRun.schoolPlaceholder')}
            onChange={(event) => setSchoolName(event.target.value)}
            aria-label={t('fields.schoolName')}
          />
        </Form.Item>
      </Form>
      {info.data && (
        <Descriptions column={1} size="small" style={{ marginBottom: 12 }}>
          <Descriptions.Item label={t('settings.dataDir')}>
            <Space wrap>
              <Typography.Text code copyable data-testid="first-run-data-dir">
                {info.data.dataDir}
              </Typography.Text>
              <DataFolderButton size="small" />
            </Space>
          </Descriptions.Item>
        </Descriptions>
      )}
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('firstRun.dataHelp')}
      </Typography.Paragraph>
      <Typography.Paragraph>{t('firstRun.body')}</Typography.Paragraph>
      {problem && <Typography.Paragraph type="danger">{problem}</Typography.Paragraph>}
      <Space style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <Button onClick={() => void finish(false)} disabled={busy}>
          {t('firstRun.startEmpty')}
        </Button>
        <Button type="primary" onClick={() => void finish(true)} loading={busy}>
          {t('firstRun.loadSample')}
        </Button>
      </Space>
    </Modal>
  );
};
