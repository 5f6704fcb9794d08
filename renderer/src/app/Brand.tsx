import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';

// The app's name over the navigation, in the red of official documents.
export const Brand = () => {
  const { t } = useTranslation();
  return (
    <div style={{ display: 'flex', alignItems: 'center', gap: 10, padding: '16px 16px 12px', borderBottom: '1px solid #f0f0f0' }}>
      <img src="./favicon.png" alt="" width={28} height={28} />
      <Typography.Text strong style={{ fontSize: 15, color: '#b71c1c' }}>
        {t('app.title')}
      </Typography.Text>
    </div>
  );
};
