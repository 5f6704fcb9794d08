import { message } from '../../../shared/i18n/translate';
import type { SharedMessages } from '../../../shared/i18n/zh-CN';
import type { RosterColumn } from '../../../shared/roster/export';
import { groupName } from '../documents/group-name';
import type { DocColumn, DocSection } from '../documents/table-doc';
import type { Person } from './document-people';

// The roster's columns as a table document lays them out: each one's heading, width, alignment and
// what it shows of a person.

const dotted = (date: string | null) => (date ? date.slice(0, 7).replace('-', '.') : '');

type ColumnLabel = keyof SharedMessages['documents']['roster']['columns'];
export const label = (column: ColumnLabel) => message(`documents.roster.columns.${column}`);

type ColumnSpec = Omit<DocColumn, 'label'> & { value: (p: Person, index: number) => string };

const columnSpec: Record<RosterColumn, ColumnSpec> = {
  seq: { width: 3, align: 'center', value: (_p, i) => String(i + 1) },
  name: { width: 5, align: 'center', value: (p) => p.name },
  sex: { width: 3, align: 'center', value: (p) => (p.sex ? message(`sex.${p.sex}`) : '') },
  ethnicity: { width: 3, align: 'center', value: (p) => p.ethnicity },
  birthDate: { width: 5, align: 'center', value: (p) => dotted(p.birthDate) },
  idNumber: { width: 10, align: 'center', value: (p) => p.idNumber },
  unit: { width: 14, value: (p) => p.unit },
  position: { width: 10, value: (p) => p.position },
  rank: { width: 5, align: 'center', value: (p) => p.rank },
  politicalStatus: { width: 5, align: 'center', value: (p) => p.politicalStatus },
  education: { width: 5, align: 'center', value: (p) => p.education },
  phone: { width: 7, align: 'center', value: (p) => p.phone },
  group: { width: 4, align: 'center', value: (p) => groupName(p.group) },
  role: { width: 5, align: 'center', value: (p) => p.role },
  status: { width: 4, align: 'center', value: (p) => message(`enrolmentStatus.${p.status}`) },
  notes: { width: 8, value: (p) => p.enrolmentNotes || p.notes },
};

export const tableOf = (people: readonly Person[], columns: readonly RosterColumn[]): Pick<DocSection, 'columns' | 'rows'> => ({
  columns: columns.map((key) => ({ ...columnSpec[key], label: label(key) })),
  rows: people.map((person, index) => columns.map((key) => columnSpec[key].value(person, index))),
});
