import { App, type FormInstance } from 'antd';
import { useState } from 'react';
import type { Result } from '../../../shared/result';
import type { Rule } from 'antd/es/form';
import type { AppErrorShape } from '../../../shared/errors';
import type { FieldIssue } from '../../../shared/errors';
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

// A field's rule from the same schema the core parses with: the first issue for that field (or for
// an item of it: roles.0 is "roles"), in the words the core would use. `issues` reads the form now.
export const useFieldRule = () => {
  const { issueText } = useErrorText();
  return (issues: () => readonly FieldIssue[], field: string): Rule => ({
    validator: async () => {
      const issue = issues().find((candidate) => candidate.field === field || candidate.field.startsWith(`${field}.`));
      if (issue) throw new Error(issueText(issue));
    },
  });
};

// A form's save: checked field by field, sent, and a refusal shown under the fields it names.
export const useSubmit = (form: FormInstance, fields: readonly string[], prefix?: RegExp) => {
  const showRefusal = useShowRefusal();
  const [saving, setSaving] = useState(false);
  const submit = async <T>(save: () => Promise<Result<T>>, done: (value: T) => void) => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    const result = await save();
    setSaving(false);
    if (!result.ok) return showRefusal(form, result.error, fields, prefix);
    done(result.value);
  };
  return { saving, submit };
};
