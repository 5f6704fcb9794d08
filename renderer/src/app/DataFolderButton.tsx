import { FolderOpenOutlined } from '@ant-design/icons';
import { App, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../api';
import { useJob } from '../components/use-job';
import { useErrorText } from './errors';

// Another data folder, from the next start on: chosen in the system's dialog, confirmed, then the app
// restarts in it (Electron's main does that). The data in the folder now stays where it is.
export const DataFolderButton = ({ size }: { size?: 'small' | 'middle' }) => {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const { reportFailure, errorText } = useErrorText();
  const job = useJob();

  const choose = async () => {
    const chosen = await api.files.chooseFolder({ purpose: 'dataFolder' });
    if (!chosen.ok) return message.error(errorText(chosen.error));
    const folder = chosen.value.grant;
    if (!folder) return;
    void modal.confirm({
      title: t('dataFolder.confirmTitle'),
      content: t('dataFolder.confirm', { name: chosen.value.name ?? '' }),
      okText: t('dataFolder.use'),
      cancelText: t('common.cancel'),
      onOk: async () => {
        const result = await job.run(t('dataFolder.working'), (jobId) => api.app.useDataFolder({ folder, jobId }));
        if (!result.ok) return reportFailure(message, result.error);
        message.success(t(result.value.existing ? 'dataFolder.doneExisting' : 'dataFolder.doneNew', { path: result.value.path }));
      },
    });
  };

  return (
    <Button size={size} icon={<FolderOpenOutlined />} onClick={() => void choose()} data-testid="choose-data-folder">
      {t('dataFolder.change')}
    </Button>
  );
};
