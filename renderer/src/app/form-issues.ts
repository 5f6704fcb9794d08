import { App, type FormInstance } from 'antd';
import type { AppErrorShape } from '../../../shared/errors';
import { useErrorText } from './errors';

// The core's refusal of a save, shown where it belongs: each problem under its own field, anything
// else (a conflict, a locked class) as a message. `prefix` strips the part of a field's path that
// names the nested object the form stands for ("session.title" is the form's "title").
export const useShowRefusal = () => {
  const { message } = App.useApp();
  const { issueText, errorText } = useErrorText();
  return (form: FormInstance, error: AppErrorShape, fields: readonly string[], prefix?: RegExp) => {
    const issues = (error.details?.issues ?? []).map((issue) => ({
      ...issue,
      field: prefix ? issue.field.replace(prefix, '') : issue.field,
    }));
    const known = issues.filter((issue) => fields.includes(issue.field));
    if (known.length > 0) form.setFields(known.map((issue) => ({ name: issue.field, errors: [issueText(issue)] })));
    else message.error(errorText(error));
  };
};
