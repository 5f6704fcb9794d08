import { App, Card, Space, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';
import { settingsRead } from '../../app/reads';
import { useRead } from '../../app/use-query';

// The settings page's lodging section: whether nobody alone in a household (每户至少安排 2 人) is a
// hard rule of 自动安排 and of moves by hand, or a goal the assignment keeps where it can.
export const LodgingSettingsCard = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { errorText } = useErrorText();
  const settings = useRead(settingsRead);
  const save = async (lodgingTogether: boolean) => {
    const result = await api.settings.update({ lodgingTogether });
    if (result.ok) message.success(t('common.saved'));
    else message.error(errorText(result.error));
  };
  return (
    <Card title={t('lodgingPage.settings.title')} size="small">
      <Space orientation="vertical" size={8}>
        <Space>
          <Switch
            checked={settings.data?.lodgingTogether ?? false}
            disabled={!settings.data}
            onChange={(checked) => void save(checked)}
            aria-label={t('lodgingPage.settings.together')}
            data-testid="setting-lodging-together"
          />
          <Typography.Text>{t('lodgingPage.settings.together')}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">{t('lodgingPage.settings.togetherHelp')}</Typography.Text>
      </Space>
    </Card>
  );
};
