import { normaliseEthnicity } from '../../../../shared/text/ethnicity';
import { shownText } from '../../../../shared/text/shown';
import { checkIdNumber, normaliseIdNumber } from '../../../../shared/idcard';
import { message } from '../../../../shared/i18n/translate';
import { columnLetter, type ImportField, type ImportProblem } from '../../../../shared/roster/import';
import {
  normaliseName,
  personLabels,
  type Sex,
  type TraineeFields,
  traineeFieldsSchema,
} from '../../../../shared/trainees/schemas';
import { toFieldIssues } from '../../../../shared/validation';
import type { Cell } from '../../documents/sheet';
import { dateCell, textCell } from '../../documents/table-import';
import { damagedIdNumber, parseGroup, parseSex, phoneText } from './cells';

export type ParsedRow = {
  row: number;
  // What the file says, only for the columns it has: an absent column never blanks stored data.
  trainee: Partial<TraineeFields>;
  group: number | null | undefined;
  role: string | undefined;
  // The cell of a 工作单位及职务 column, split into unit and position once every row is read (split.ts).
  combined: { text: string; column: number } | undefined;
  // That split was not sure: the whole text is the unit, for the person to check.
  unsure: boolean;
  problems: ImportProblem[];
};

export type ColumnMap = readonly { column: number; field: ImportField | null }[];

const sexWord = (sex: Sex) => message(`sex.${sex}`);

// Built once: constructing a zod schema costs far more than using it, and an import uses it per row.
const partialTrainee = traineeFieldsSchema.partial();
const phoneSchema = traineeFieldsSchema.shape.phone;

// Rows that are part of the form, not people: 合计/总计 lines, a repeated header, a lone 序号.
const isFormRow = (
  cells: readonly Cell[],
  texts: readonly string[],
  columns: ColumnMap,
  headerTexts: ReadonlySet<string>,
): boolean => {
  if (texts.length === 0) return true;
  if (/^(合计|总计|小计|共计)/.test(texts[0] ?? '')) return true;
  if (texts.every((text) => headerTexts.has(text))) return true;
  const seq = columns.find((c) => c.field === 'seq')?.column;
  return texts.length === 1 && seq !== undefined && textCell(cells[seq]) !== '';
};

export const parseRows = (rows: readonly Cell[][], firstRow: number, headerIndex: number, columns: ColumnMap): ParsedRow[] => {
  const headerTexts = new Set((rows[headerIndex] ?? []).map(textCell).filter(Boolean));
  const parsed: ParsedRow[] = [];
  for (let index = headerIndex + 1; index < rows.length; index += 1) {
    const cells = rows[index] ?? [];
    // Each cell's text once, for the form-row test and the fields alike.
    const texts = cells.map(textCell);
    if (
      isFormRow(
        cells,
        texts.filter((text) => text !== ''),
        columns,
        headerTexts,
      )
    )
      continue;
    parsed.push(parseRow(cells, texts, firstRow + index, columns));
  }
  return parsed;
};

const parseRow = (cells: readonly Cell[], texts: readonly string[], rowNumber: number, columns: ColumnMap): ParsedRow => {
  const problems: ImportProblem[] = [];
  const trainee: Partial<TraineeFields> = {};
  let group: number | null | undefined;
  let role: string | undefined;
  let combined: ParsedRow['combined'];
  const problem = (column: number, field: ImportField, severity: ImportProblem['severity'], text: string) =>
    problems.push({ row: rowNumber, column: columnLetter(column), field, severity, message: text, who: '' });

  for (const { column, field } of columns) {
    if (field === null || field === 'seq') continue;
    const cell = cells[column] ?? null;
    const text = texts[column] ?? '';
    switch (field) {
      case 'name':
        trainee.name = normaliseName(text);
        break;
      case 'sex': {
        const sex = parseSex(cell);
        if (sex === undefined) problem(column, field, 'warning', message('import.badSex', { value: shownText(text) }));
        trainee.sex = sex ?? null;
        break;
      }
      case 'birthDate': {
        const date = dateCell(cell);
        if (date === undefined) problem(column, field, 'warning', message('import.badBirthDate', { value: shownText(text) }));
        trainee.birthDate = date ?? null;
        break;
      }
      case 'idNumber': {
        const damaged = damagedIdNumber(cell);
        if (damaged) {
          problem(column, field, 'error', message('issues.id_damaged', { value: damaged }));
          trainee.idNumber = '';
        } else trainee.idNumber = normaliseIdNumber(text);
        break;
      }
      case 'phone': {
        const phone = phoneText(cell);
        const valid = phoneSchema.safeParse(phone).success;
        if (!valid) problem(column, field, 'warning', message('import.badPhone', { value: phone }));
        trainee.phone = valid ? phone : '';
        break;
      }
      case 'group': {
        const parsed = parseGroup(cell);
        if (parsed === undefined) problem(column, field, 'warning', message('import.badGroup', { value: shownText(text) }));
        group = parsed ?? null;
        break;
      }
      case 'role':
        role = text;
        break;
      case 'unitPosition':
        combined = { text, column };
        break;
      case 'ethnicity':
        trainee.ethnicity = normaliseEthnicity(text);
        break;
      default:
        trainee[field] = text;
    }
  }

  // The ID number decides birth date and sex; say so when the sheet disagrees.
  if (trainee.idNumber) {
    const checked = checkIdNumber(trainee.idNumber);
    if (checked.ok) {
      const idColumn = columns.find((c) => c.field === 'idNumber')?.column ?? 0;
      if (trainee.sex && trainee.sex !== checked.value.sex) {
        problem(
          idColumn,
          'sex',
          'warning',
          message('import.sexFromId', { value: sexWord(trainee.sex), fromId: sexWord(checked.value.sex) }),
        );
      }
      if (trainee.birthDate && !checked.value.birthDate.startsWith(trainee.birthDate)) {
        problem(
          idColumn,
          'birthDate',
          'warning',
          message('import.birthFromId', { value: trainee.birthDate, fromId: checked.value.birthDate }),
        );
      }
      trainee.sex = checked.value.sex;
      trainee.birthDate = checked.value.birthDate;
    }
  }

  // Finally the same schema every other door uses: lengths, the ID check digit, a missing name.
  // (Checked plainly first; only a row that fails is checked again with its input kept for the message.)
  if (!partialTrainee.safeParse(trainee).success) {
    const candidate = partialTrainee.safeParse(trainee, { reportInput: true });
    for (const issue of candidate.success ? [] : toFieldIssues(candidate.error.issues, personLabels)) {
      const field = issue.field as ImportField;
      const column = columns.find((c) => c.field === field)?.column ?? 0;
      if (!problems.some((p) => p.field === field && p.severity === 'error')) problem(column, field, 'error', issue.message);
    }
  }
  // The schema above may already have said so ("请填写“姓名”"): one reason is enough.
  if (!trainee.name && !problems.some((p) => p.field === 'name' && p.severity === 'error'))
    problem(columns.find((c) => c.field === 'name')?.column ?? 0, 'name', 'error', message('import.nameMissing'));
  // Each problem says whose row it is (the name as read, made safe to show).
  const who = shownText(trainee.name ?? '');
  return {
    row: rowNumber,
    trainee,
    group,
    role,
    combined,
    unsure: false,
    problems: problems.map((entry) => ({ ...entry, who })),
  };
};
