import { Button, Flex, Progress, Spin, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Working } from './use-job';

// Long work (imports, exports, backups, the data check) shows where it is, and can be stopped. A step
// that cannot count (Chromium printing a PDF, a single file written) is named with a spinner, not
// shown as "0/1 0%", which only looks stuck. Where the dialog around it has its own 取消, it passes
// no onCancel: one button for one action.
export const JobProgressBar = ({ working, onCancel }: { working: Working; onCancel?: () => void }) => {
  const { t } = useTranslation();
  const { progress, label } = working;
  const counted = progress !== undefined && progress.total > 1;
  const percent = counted ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div role="status" aria-live="polite" data-testid="job-progress" data-phase={progress?.phase ?? ''}>
      <Flex justify="space-between" align="center" gap={8}>
        <Typography.Text type="secondary">
          {label}
          {progress ? ` · ${t(`job.${progress.phase}`)}` : ''}
          {counted ? ` ${progress.done}/${progress.total}` : ''}
        </Typography.Text>
        {onCancel && (
          <Button size="small" onClick={onCancel}>
            {t('job.cancel')}
          </Button>
        )}
      </Flex>
      {counted ? (
        <Progress percent={percent} status="active" />
      ) : (
        <Flex justify="center" style={{ padding: '12px 0' }}>
          <Spin />
        </Flex>
      )}
    </div>
  );
};
