import { useTranslation } from 'react-i18next';
import type { AppErrorShape, FieldIssue } from '../../../shared/errors';
import { enUS } from '../../../shared/i18n/en-US';
import { message } from '../../../shared/i18n/translate';

type Toasts = { error: (text: string) => unknown; info: (text: string) => unknown };

// In Chinese the core's own sentence is the most precise ("班次“X”已归档…"); in another language
// the same code and field are translated from the shared message tables, as the core fills them.
export const useErrorText = () => {
  const { t, i18n } = useTranslation();
  const chinese = i18n.language === 'zh-CN';
  const issueText = (issue: FieldIssue): string => {
    if (chinese) return issue.message;
    const field =
      issue.field
        .split('.')
        .filter((part) => !/^\d+$/.test(part))
        .at(-1) ?? issue.field;
    return message(`issues.${issue.code}`, { ...issue.params, label: t(`fields.${field}`, { defaultValue: field }) }, enUS);
  };
  const errorText = (error: AppErrorShape): string => {
    if (chinese) return error.message;
    const first = error.details?.issues?.[0];
    return first ? issueText(first) : message(`errors.${error.code}`, { channel: '' }, enUS);
  };
  // A job the person cancelled is news, not an error.
  const reportFailure = (toasts: Toasts, error: AppErrorShape) =>
    error.code === 'CANCELLED' ? toasts.info(t('job.cancelled')) : toasts.error(errorText(error));
  return { errorText, issueText, reportFailure };
};
