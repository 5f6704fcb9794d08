import { Button, Flex, Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Working } from './use-job';

// Long work (imports, exports, backups, the data check) shows where it is, and can be stopped.
export const JobProgressBar = ({ working, onCancel }: { working: Working; onCancel?: () => void }) => {
  const { t } = useTranslation();
  const { progress, label } = working;
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div role="status" aria-live="polite" data-testid="job-progress">
      <Flex justify="space-between" align="center">
        <Typography.Text type="secondary">
          {label}
          {progress ? ` · ${t(`job.${progress.phase}`)} ${progress.done}/${progress.total}` : ''}
        </Typography.Text>
        {onCancel && (
          <Button size="small" onClick={onCancel}>
            {t('job.cancel')}
          </Button>
        )}
      </Flex>
      <Progress percent={percent} status="active" />
    </div>
  );
};
