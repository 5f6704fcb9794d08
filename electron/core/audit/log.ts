import { z } from 'zod';
import type { AuditEntry, AuditFilters } from '../../../shared/audit/schemas';
import { addDays, localDateTimeOf, localDayStart } from '../../../shared/dates';
import { message, messageIfKnown } from '../../../shared/i18n/translate';
import type { Core } from '../context';
import type { TableDoc } from '../documents/table-doc';
import { writeXlsx } from '../documents/xlsx-writer';
import { exportTarget, finishExport } from '../files/export';
import type { Job } from '../jobs/job';
import { getSettings } from '../settings/service';
import { type ExportResult } from '../../../shared/files/schemas';
import { jsonColumn } from '../db/json';
import { statement } from '../db/statements';
import { listedSentence, sentenceOf } from './describe';

type Row = {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entity_id: string | null;
  summary: string;
  channel: string;
  before: string | null;
  after: string | null;
};

type Command = { id: number; last_id: number; door: string; operator: string };

// What the triggers and record() wrote: a JSON object (or nothing).
const changes = jsonColumn(z.json(), null);

// The command a line belongs to (migration 16): the one whose run of lines holds it, or the line
// alone (a line written outside any command).
const commandOfLine = `coalesce((SELECT c.id FROM audit_commands c
    WHERE c.id = (SELECT max(id) FROM audit_commands WHERE id <= l.id) AND c.last_id >= l.id), l.id)`;

// The log is read a command at a time, newest first: a command is listed when any of its lines
// matches every filter (a filter left empty, null, matches every line), with the number of matching
// commands beside each.
const matchingSql = `SELECT command, count(*) OVER () AS total FROM (
    SELECT DISTINCT ${commandOfLine} AS command FROM audit_log l
    WHERE (@action IS NULL OR action = @action) AND (@entity IS NULL OR entity = @entity) AND (@actor IS NULL OR actor = @actor)
      AND (@from IS NULL OR at >= @from) AND (@to IS NULL OR at < @to)
      AND (@search IS NULL OR summary LIKE @search ESCAPE '\\' OR before LIKE @search ESCAPE '\\' OR after LIKE @search ESCAPE '\\'))
  ORDER BY command DESC LIMIT @limit OFFSET @offset`;

type FilterParams = Record<'action' | 'entity' | 'actor' | 'from' | 'to' | 'search', string | null>;

const filterParams = (filters: AuditFilters): FilterParams => ({
  action: filters.action ?? null,
  entity: filters.entity ?? null,
  actor: filters.actor ?? null,
  // The days are the workstation's (rule 10) and the log holds UTC instants: a day runs from its local midnight
  // up to the next one's, included.
  from: filters.from ? localDayStart(filters.from) : null,
  to: filters.to ? localDayStart(addDays(filters.to, 1)) : null,
  search: filters.search ? `%${filters.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null,
});

const matching = (core: Core, filters: AuditFilters, limit: number, offset: number) =>
  statement<FilterParams & { limit: number; offset: number }, { command: number; total: number }>(core.db, matchingSql).all({
    ...filterParams(filters),
    limit,
    offset,
  });

// A command as the log keeps it; a line outside any command is a command of its own, of unknown door.
const commandAt = (core: Core, id: number): Command =>
  statement<[number], Command>(core.db, 'SELECT * FROM audit_commands WHERE id = ?').get(id) ?? {
    id,
    last_id: id,
    door: '',
    operator: '',
  };

const doorOf = (door: string): AuditEntry['door'] => (door === 'app' || door === 'cli' ? door : '');

const toEntry = (core: Core, row: Row, command: Command, summary = sentenceOf(core, row)): AuditEntry => ({
  id: row.id,
  command: command.id,
  parts: command.last_id - command.id + 1,
  at: row.at,
  actor: row.actor,
  operator: command.operator,
  door: doorOf(command.door),
  action: row.action,
  entity: row.entity,
  entityId: row.entity_id,
  summary,
  channel: row.channel,
  before: changes(row.before),
  after: changes(row.after),
});

// A command is read by the line that says what was done: the last sentence its writer gave (a command
// says what it did when it is done; a sample load holds the lodging assignment's own sentence before
// its own). A command of lines the triggers wrote alone is read by its first line, and how many more.
const headOf = (core: Core, command: Command): AuditEntry | undefined => {
  const told = statement<[number, number], Row>(
    core.db,
    `SELECT * FROM audit_log WHERE id BETWEEN ? AND ? AND summary <> '' ORDER BY id DESC LIMIT 1`,
  ).get(command.id, command.last_id);
  if (told) return toEntry(core, told, command);
  const opening = statement<[number], Row>(core.db, 'SELECT * FROM audit_log WHERE id = ?').get(command.id);
  if (!opening) return undefined;
  // The line about what the command was called on (a class deleted, with all it held), else the first.
  const domain = opening.channel.split('.')[0] ?? '';
  const first =
    statement<[number, number, string], Row>(
      core.db,
      'SELECT * FROM audit_log WHERE id BETWEEN ? AND ? AND entity = ? ORDER BY id LIMIT 1',
    ).get(command.id, command.last_id, domain) ?? opening;
  const count = command.last_id - command.id;
  if (count > 0 && count < 50) {
    const lines = statement<[number, number], Row>(core.db, 'SELECT * FROM audit_log WHERE id BETWEEN ? AND ? ORDER BY id').all(
      command.id,
      command.last_id,
    );
    const listed = listedSentence(core, lines);
    if (listed !== undefined) return toEntry(core, first, command, listed);
  }
  const sentence = sentenceOf(core, first);
  return toEntry(core, first, command, count > 0 ? message('audit.andMore', { first: sentence, count }) : sentence);
};

// Newest first; the log is only ever read here, never changed (its triggers refuse that).
export const listAudit = (core: Core, query: AuditFilters & { limit: number; offset: number }) => {
  const rows = matching(core, query, query.limit, query.offset);
  // A page past the end has no rows to carry the count; the count is then read from the first page.
  const total = rows[0]?.total ?? (query.offset > 0 ? (matching(core, query, 1, 0)[0]?.total ?? 0) : 0);
  const items = rows.flatMap((row) => headOf(core, commandAt(core, row.command)) ?? []);
  return { items, total };
};

// The lines of one command, in the order they were written.
// Asked by any line's id, the command that line belongs to: a line inside another command is never
// passed off as a command of its own (without its door and operator).
export const commandParts = (core: Core, query: { command: number; limit: number; offset: number }) => {
  const owner = statement<[number], number>(core.db, `SELECT ${commandOfLine} FROM audit_log l WHERE l.id = ?`)
    .pluck()
    .get(query.command);
  if (owner === undefined) return { items: [], total: 0 };
  const command = commandAt(core, owner);
  const rows = statement<[number, number, number, number], Row>(
    core.db,
    'SELECT * FROM audit_log WHERE id BETWEEN ? AND ? ORDER BY id LIMIT ? OFFSET ?',
  ).all(command.id, command.last_id, query.limit, query.offset);
  return { items: rows.map((row) => toEntry(core, row, command)), total: command.last_id - command.id + 1 };
};

export const doorName = (door: AuditEntry['door']): string => message(`audit.doors.${door === '' ? 'unknown' : door}`);

// The person as the log names them: the name the settings gave, else the workstation's account.
export const operatorName = (entry: AuditEntry): string => entry.operator || entry.actor;

const compact = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

// Every line, oldest first, as a log is read on paper (the lines of the matching commands).
const exportedLines = (core: Core, filters: AuditFilters): AuditEntry[] =>
  matching(core, filters, -1, 0)
    .reverse()
    .flatMap((row) => {
      const command = commandAt(core, row.command);
      return commandParts(core, { command: command.id, limit: -1, offset: 0 }).items;
    });

export const exportAudit = async (core: Core, input: AuditFilters & { grant: string }, job: Job): Promise<ExportResult> => {
  const output = exportTarget(core, input.grant, 'xlsx');
  const rows = exportedLines(core, input);
  job.progress('write', 0, 1);
  const doc: TableDoc = {
    title: message('documents.audit.title'),
    subtitle: [getSettings(core).schoolName, message('documents.audit.count', { count: rows.length })]
      .filter(Boolean)
      .join(message('text.gap')),
    orientation: 'landscape',
    sections: [
      {
        columns: [
          { label: message('documents.audit.columns.at'), width: 9 },
          { label: message('documents.audit.columns.actor'), width: 5 },
          { label: message('documents.audit.columns.action'), width: 4, align: 'center' },
          { label: message('documents.audit.columns.summary'), width: 20 },
          { label: message('documents.audit.columns.channel'), width: 7 },
          { label: message('documents.audit.columns.before'), width: 16 },
          { label: message('documents.audit.columns.after'), width: 16 },
        ],
        rows: rows.map((entry) => [
          localDateTimeOf(entry.at),
          operatorName(entry),
          messageIfKnown(`audit.actions.${entry.action}`) ?? entry.action,
          entry.summary,
          doorName(entry.door),
          compact(entry.before),
          compact(entry.after),
        ]),
      },
    ],
  };
  const bytes = await writeXlsx(doc);
  return finishExport(core, job, output, bytes, {
    rows: rows.length,
    audit: {
      entity: 'data',
      summary: message('documents.audit.summary', { count: rows.length, path: output.path }),
      after: { path: output.path, rows: rows.length },
    },
  });
};
