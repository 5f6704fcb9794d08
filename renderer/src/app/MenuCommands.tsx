import { App } from 'antd';
import { lazy, Suspense, useEffect, useEffectEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { matchPath, useLocation, useNavigate } from 'react-router-dom';
import type { MenuCommand } from '../../../shared/menu';

// Opened from the menu now and then: their code (a table, the app's facts) loads when first asked for.
const ShortcutsDialog = lazy(async () => ({ default: (await import('./MenuDialogs')).ShortcutsDialog }));
const AboutDialog = lazy(async () => ({ default: (await import('./MenuDialogs')).AboutDialog }));

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
    <Suspense>
      {shown === 'shortcuts' && <ShortcutsDialog onClose={() => setShown(undefined)} />}
      {shown === 'about' && <AboutDialog onClose={() => setShown(undefined)} />}
    </Suspense>
  );
};
