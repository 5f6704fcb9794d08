import {
  AuditOutlined,
  DatabaseOutlined,
  EnvironmentOutlined,
  ReadOutlined,
  SettingOutlined,
  SolutionOutlined,
  UserOutlined,
  DashboardOutlined,
  FileSearchOutlined,
  SearchOutlined,
} from '@ant-design/icons';
import { Alert, Button, Flex, Layout, Menu, Typography } from 'antd';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router-dom';
import { Brand } from './Brand';
import { MenuCommands } from './MenuCommands';
import { SearchPalette } from './SearchPalette';
import { useRead } from './use-query';
import { appInfoRead, settingsRead } from './reads';

const { Sider, Header, Content } = Layout;

// Only what works is in the navigation; later features add their entry here.
const sections = [
  { key: '/workbench', icon: <DashboardOutlined />, label: 'nav.workbench' },
  { key: '/classes', icon: <ReadOutlined />, label: 'nav.classes' },
  { key: '/trainees', icon: <UserOutlined />, label: 'nav.trainees' },
  { key: '/staff', icon: <SolutionOutlined />, label: 'nav.staff' },
  { key: '/sites', icon: <EnvironmentOutlined />, label: 'nav.sites' },
  { key: '/reports', icon: <FileSearchOutlined />, label: 'nav.reports' },
  { key: '/data', icon: <DatabaseOutlined />, label: 'nav.data' },
  { key: '/audit', icon: <AuditOutlined />, label: 'nav.audit' },
  { key: '/settings', icon: <SettingOutlined />, label: 'nav.settings' },
] as const;

export const Shell = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [searching, setSearching] = useState(false);
  const location = useLocation();
  const settings = useRead(settingsRead);
  const info = useRead(appInfoRead);
  const schoolName = settings.data?.schoolName ?? '';
  const selected = sections.find((section) => location.pathname.startsWith(section.key))?.key ?? '/workbench';

  useEffect(() => {
    document.title = schoolName ? `${t('app.title')} · ${schoolName}` : t('app.title');
  }, [schoolName, t]);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Sider width={200} theme="light" style={{ borderRight: '1px solid #f0f0f0' }}>
        <Brand />
        <Menu
          mode="inline"
          selectedKeys={[selected]}
          style={{ borderInlineEnd: 'none' }}
          items={sections.map((section) => ({ key: section.key, icon: section.icon, label: t(section.label) }))}
          onClick={({ key }) => navigate(key)}
        />
      </Sider>
      <Layout>
        <Header
          style={{ background: '#fff', borderBottom: '1px solid #f0f0f0', padding: '0 24px', height: 48, lineHeight: '48px' }}
        >
          <Flex justify="space-between" align="center" style={{ height: '100%' }}>
            {schoolName ? (
              <Typography.Text type="secondary" data-testid="school-name">
                {schoolName}
              </Typography.Text>
            ) : (
              <span>{settings.data && <Link to="/settings">{t('settings.setSchoolName')}</Link>}</span>
            )}
            <Button icon={<SearchOutlined />} onClick={() => setSearching(true)} className="search-button">
              {t('palette.button')}
              <kbd className="kbd">Ctrl K</kbd>
            </Button>
          </Flex>
        </Header>
        <Content style={{ padding: 24 }}>
          {info.data?.warnings.includes('network_drive') && (
            <Alert
              type="warning"
              showIcon
              banner
              style={{ marginBottom: 16 }}
              title={t('data.networkWarning', { dir: info.data.dataDir })}
            />
          )}
          {children}
        </Content>
        <SearchPalette open={searching} onOpen={() => setSearching(true)} onClose={() => setSearching(false)} />
        <MenuCommands openSearch={() => setSearching(true)} />
      </Layout>
    </Layout>
  );
};
