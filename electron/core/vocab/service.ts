import { AppError } from '../../../shared/errors';
import { message } from '../../../shared/i18n/translate';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import type { Core } from '../context';
import { defaultVocab, type VocabKind } from '../../../shared/vocab/schemas';
import { statement } from '../db/statements';

// An editable list never stored falls back to its defaults, so new kinds need no migration.
export const getVocab = (core: Core, kind: VocabKind): string[] => {
  const rows = statement<[string], { value: string }>(core.db, 'SELECT value FROM vocab WHERE kind = ? ORDER BY position').all(
    kind,
  );
  return rows.length > 0 ? rows.map((row) => row.value) : [...defaultVocab[kind]];
};

export const setVocab = (core: Core, kind: VocabKind, items: readonly string[]): string[] => {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    if (seen.has(item))
      throw invalidInput([
        {
          ...fieldIssue(`items.${index}`, 'unknown_value', { value: item }),
          message: message('vocab.duplicate', { value: item }),
        },
      ]);
    seen.add(item);
  });
  if (items.length === 0) throw new AppError('INVALID_INPUT', message('vocab.empty'));
  statement(core.db, 'DELETE FROM vocab WHERE kind = ?').run(kind);
  const insert = statement(core.db, 'INSERT INTO vocab (kind, value, position) VALUES (?, ?, ?)');
  items.forEach((item, position) => insert.run(kind, item, position));
  return getVocab(core, kind);
};
