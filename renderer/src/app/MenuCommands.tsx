import { App, Descriptions, Modal, Table, Typography } from 'antd';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation, useNavigate } from 'react-router-dom';
import { type MenuCommand, shortcuts } from '../../../shared/menu';
import { api } from '../api';
import { useQuery } from './use-query';

// The native menu's commands, carried out in the window: each opens the screen or dialog it names.
// Those about a class (导入名册, 导出名册) act on the class that is open, and say so when none is.
export const MenuCommands = ({ openSearch }: { openSearch: () => void }) => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const location = useLocation();
  const [shown, setShown] = useState<'shortcuts' | 'about'>();

  const onClass = (action: string) => {
    const id = matchPath('/classes/:id', location.pathname)?.params.id;
    if (id) return navigate(`/classes/${id}?tab=roster&do=${action}`);
    message.info(t('menuCommands.openClassFirst'));
    navigate('/classes');
  };
  const carryOut = useEffectEvent((command: MenuCommand) => {
    switch (command) {
      case 'newClass':
        return navigate('/classes?do=new');
      case 'importRoster':
        return onClass('import');
      case 'exportRoster':
        return onClass('export');
      case 'backup':
        return navigate('/data?do=backup');
      case 'restore':
        return navigate('/data?do=restore');
      case 'search':
        return openSearch();
      case 'shortcuts':
      case 'about':
        return setShown(command);
    }
  });
  useEffect(() => window.api.onEvent((event) => event.type === 'menu.command' && carryOut(event.command)), []);

  return (
    <>
      {shown === 'shortcuts' && <ShortcutsDialog onClose={() => setShown(undefined)} />}
      {shown === 'about' && <AboutDialog onClose={() => setShown(undefined)} />}
    </>
  );
};

const ShortcutsDialog = ({ onClose }: { onClose: () => void }) => {
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

const AboutDialog = ({ onClose }: { onClose: () => void }) => {
  const { t } = useTranslation();
  const info = useQuery(() => api.app.info({}), 'app-info');
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
