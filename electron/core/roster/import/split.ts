import { message } from '../../../../shared/i18n/translate';
import { columnLetter } from '../../../../shared/roster/import';
import { personLabels, traineeFieldsSchema } from '../../../../shared/trainees/schemas';
import { shownText } from '../../../../shared/text/shown';
import { toFieldIssues } from '../../../../shared/validation';
import type { Core } from '../../context';
import { statement } from '../../db/statements';
import { splitUnitPosition, unitAlone } from '../unit-position';
import type { ParsedRow } from './rows';

// The units the school already knows: every trainee's unit, read as a unit alone (a roster imported
// whole before, "东辽县发展和改革局副局长", names the unit 东辽县发展和改革局). They tell where a unit
// ends when the post after it is no listed word ("东丰县委组织部组织员").
export const knownUnits = (core: Core): Set<string> =>
  new Set(
    statement<[], { unit: string }>(core.db, "SELECT DISTINCT unit FROM trainees WHERE unit <> ''")
      .all()
      .map((row) => unitAlone(row.unit))
      .filter((unit) => unit.length >= 2),
  );

const unitAndPosition = traineeFieldsSchema.pick({ unit: true, position: true });

// Each row's 工作单位及职务 into 工作单位 and 职务. The units the file itself names unmistakably count as
// known for its other rows (the class's own units). A row whose split is not sure keeps the whole
// text as its unit and is marked for the person; a 工作单位 or 职务 column of the file, where filled,
// stands over the split. With `enabled` false the whole text is the unit, as the file writes it.
export const splitCombined = (rows: readonly ParsedRow[], known: ReadonlySet<string>, enabled: boolean): void => {
  const withCell = rows.filter((row) => row.combined !== undefined && row.combined.text !== '');
  const first = withCell.map((row) => splitUnitPosition(row.combined?.text ?? '', known));
  const named = new Set(known);
  for (const split of first) if (split.sure && split.unit.length >= 2) named.add(split.unit);
  withCell.forEach((row, index) => {
    const cell = row.combined;
    const sure = first[index];
    if (!cell || !sure) return;
    const found = !enabled
      ? { unit: cell.text, position: '', sure: true }
      : sure.sure
        ? sure
        : splitUnitPosition(cell.text, named);
    // With the post in a 职务 column of its own, a cell that cannot be split is the unit.
    const split = !found.sure && row.trainee.position ? { ...found, sure: true } : found;
    if (!row.trainee.unit) row.trainee.unit = split.unit;
    if (!row.trainee.position && split.position !== '') row.trainee.position = split.position;
    row.unsure = !split.sure;
    const column = columnLetter(cell.column);
    if (!split.sure)
      row.problems.push({
        row: row.row,
        column,
        field: 'unitPosition',
        severity: 'warning',
        message: message('import.splitUnsure', { value: shownText(cell.text) }),
        who: shownText(row.trainee.name ?? ''),
      });
    // The same limits as a 工作单位 or 职务 typed in its own column.
    const checked = unitAndPosition.safeParse({ unit: row.trainee.unit ?? '', position: row.trainee.position ?? '' });
    if (!checked.success)
      for (const issue of toFieldIssues(checked.error.issues, personLabels))
        row.problems.push({
          row: row.row,
          column,
          field: 'unitPosition',
          severity: 'error',
          message: issue.message,
          who: shownText(row.trainee.name ?? ''),
        });
  });
};
