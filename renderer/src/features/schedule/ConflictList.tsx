import { Alert, Flex, Input, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Conflict, ConflictKind } from '../../../../shared/schedule/schemas';
import { dayLabel, timeRange } from './session-text';

type Props = {
  conflicts: readonly Conflict[];
  // While editing: a reason box for each warning. In the class's list: the reasons given.
  reasons?: Partial<Record<ConflictKind, string>>;
  onReason?: (kind: ConflictKind, reason: string) => void;
  // Opens one of the sessions involved (only those of this class can be opened).
  onOpen?: (sessionId: number) => void;
  classId?: number;
};

// Each problem with the sessions it involves: "which two sessions clash" is what one needs to fix it.
export const ConflictList = ({ conflicts, reasons, onReason, onOpen, classId }: Props) => {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={8} data-testid="conflict-list">
      {conflicts.map((conflict, index) => {
        const open = conflict.severity === 'warning' && conflict.accepted === null;
        return (
          <Alert
            key={`${conflict.kind}:${index}`}
            type={conflict.severity === 'error' ? 'error' : open || onReason ? 'warning' : 'info'}
            showIcon
            data-kind={conflict.kind}
            title={
              <span>
                <Typography.Text strong>
                  {conflict.severity === 'error' ? t('schedulePage.error') : t('schedulePage.warning')}
                </Typography.Text>
                {t('common.colon', { label: '', text: conflict.message })}
              </span>
            }
            description={
              <Flex vertical gap={4}>
                {conflict.sessions.map((session, n) => {
                  const text = `${dayLabel(session.date, t('schedulePage.dayFormat'))} ${timeRange(session)}${t('text.space')}${session.title}${
                    session.classId === classId ? '' : t('common.inParentheses', { text: session.className })
                  }`;
                  return session.id !== null && session.classId === classId && onOpen ? (
                    <Typography.Link key={n} onClick={() => onOpen(session.id ?? 0)}>
                      {text}
                    </Typography.Link>
                  ) : (
                    <Typography.Text key={n} type="secondary">
                      {text}
                    </Typography.Text>
                  );
                })}
                {conflict.severity === 'warning' && onReason ? (
                  <Input
                    size="small"
                    maxLength={200}
                    value={reasons?.[conflict.kind] ?? conflict.accepted ?? ''}
                    onChange={(event) => onReason(conflict.kind, event.target.value)}
                    placeholder={t('schedulePage.form.reasonPlaceholder')}
                    aria-label={t('common.colon', { label: t('schedulePage.form.accept'), text: conflict.message })}
                    style={{ maxWidth: 420 }}
                  />
                ) : (
                  conflict.accepted !== null && (
                    <Typography.Text type="secondary">
                      {t('schedulePage.accepted', { reason: conflict.accepted })}
                    </Typography.Text>
                  )
                )}
              </Flex>
            }
          />
        );
      })}
    </Flex>
  );
};
