import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ClassStatus } from '../../../../shared/classes/schemas';

const colors: Record<ClassStatus, string> = {
  planning: 'blue',
  in_progress: 'green',
  finished: 'default',
  archived: 'purple',
};

export const StatusTag = ({ status }: { status: ClassStatus }) => {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-status={status}>
      {t(`status.${status}`)}
    </Tag>
  );
};

// The buttons a class offers in each status, in the order they are shown (forward first).
type ActionLabel = `classes.status.${'start' | 'finish' | 'backToPlanning' | 'archive' | 'reopen'}`;

export const statusActions: Record<ClassStatus, readonly { to: ClassStatus; label: ActionLabel }[]> = {
  planning: [{ to: 'in_progress', label: 'classes.status.start' }],
  in_progress: [
    { to: 'finished', label: 'classes.status.finish' },
    { to: 'planning', label: 'classes.status.backToPlanning' },
  ],
  finished: [
    { to: 'archived', label: 'classes.status.archive' },
    { to: 'in_progress', label: 'classes.status.reopen' },
  ],
  archived: [],
};
