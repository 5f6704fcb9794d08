import { Button, Result, Spin } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import type { AppErrorShape } from '../../../shared/errors';
import { useErrorText } from '../app/errors';

// A record's page before its record is there: still loading, or gone (deleted, a stale link),
// with the way back to the list it came from.
export const PageState = ({ error, backTo }: { error: AppErrorShape | undefined; backTo: string }) => {
  const { t } = useTranslation();
  const { errorText } = useErrorText();
  const navigate = useNavigate();
  if (!error) return <Spin size="large" style={{ display: 'block', margin: '120px auto' }} />;
  return (
    <Result
      status="404"
      title={errorText(error)}
      extra={
        <Button type="primary" onClick={() => navigate(backTo)}>
          {t('common.back')}
        </Button>
      }
    />
  );
};
