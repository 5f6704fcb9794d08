import { Descriptions, Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { shortcuts } from '../../../shared/menu';
import { useRead } from './use-query';
import { appInfoRead } from './reads';

// The two dialogs the native menu opens (帮助 → 快捷键, 关于).
export const ShortcutsDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  return (
    <Modal open title={t('menuCommands.shortcuts')} onCancel={onClose} footer={null} width={560}>
      <Table
        size="small"
        pagination={false}
        rowKey="keys"
        dataSource={[...shortcuts]}
        data-testid="shortcuts"
        columns={[
          { key: 'keys', title: t('menuCommands.keys'), width: 170, render: (_, row) => <kbd className="kbd">{row.keys}</kbd> },
          { key: 'does', title: t('menuCommands.does'), render: (_, row) => t(`shortcuts.${row.does}`) },
        ]}
      />
    </Modal>
  );
};

export const AboutDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const info = useRead(appInfoRead);
  return (
    <Modal open title={t('menuCommands.about')} onCancel={onClose} footer={null}>
      <Typography.Paragraph>{t('menuCommands.aboutText')}</Typography.Paragraph>
      {info.data && (
        <Descriptions column={1} size="small" data-testid="about">
          <Descriptions.Item label={t('settings.version')}>{info.data.version}</Descriptions.Item>
          <Descriptions.Item label={t('settings.dataDir')}>
            <Typography.Text copyable code>
              {info.data.dataDir}
            </Typography.Text>
          </Descriptions.Item>
        </Descriptions>
      )}
    </Modal>
  );
};
