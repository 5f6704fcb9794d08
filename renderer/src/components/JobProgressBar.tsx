import { Progress, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { JobProgress } from '../../../shared/events';

// Long work (imports, exports) shows where it is: the phase and how far along.
export const JobProgressBar = ({ progress, label }: { progress: JobProgress | undefined; label: string }) => {
  const { t } = useTranslation();
  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  return (
    <div role="status" aria-live="polite" data-testid="job-progress">
      <Typography.Text type="secondary">
        {label}
        {progress ? ` · ${t(`job.${progress.phase}`, { defaultValue: progress.phase })} ${progress.done}/${progress.total}` : ''}
      </Typography.Text>
      <Progress percent={percent} status="active" />
    </div>
  );
};
