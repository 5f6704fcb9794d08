import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { api } from '../../api';
import { useErrorText } from '../../app/errors';

// A report handed in, opened in Word or a PDF reader, or shown in its folder. What opens is a read-only
// copy: the report stays as the trainee handed it in, and the person is told once per opening that a
// change belongs in a new version, not in the copy (which goes at the next start).
export const useOpenReport = () => {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { reportFailure } = useErrorText();
  return async (versionId: number, action: 'open' | 'show') => {
    const result = await api.reports.open({ versionId, action });
    if (!result.ok) return reportFailure(message, result.error);
    if (action === 'open') message.info(t('reportsPage.openedCopy', { name: result.value.name }), 6);
  };
};
