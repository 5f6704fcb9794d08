import type { TrainingClass } from '../../../shared/classes/schemas';
import { message } from '../../../shared/i18n/translate';
import { contactsColumns, defaultRosterColumns, type RosterColumn, type TableDocument } from '../../../shared/roster/export';
import type { Session } from '../../../shared/schedule/schemas';
import { groupLeaderRole } from '../../../shared/vocab/schemas';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import { groupName } from '../documents/group-name';
import type { TableDoc } from '../documents/table-doc';
import { getSettings } from '../settings/service';
import { tableOf } from './columns';
import { attending, type Person, peopleOf } from './document-people';
import { subtitle, title, trainingDates } from './document-titles';
import type { RosterExport } from './export-input';
import { rosterItems } from './service';
import { daySignin, sessionSignin, signinDays, signinSessions } from './signin';

// The roster's table documents — 名册, 签到表, 分组名单, 通讯录 — as the writers take them (.xlsx,
// .docx, .csv, or HTML for a PDF).

// What a document is made from; `sessions` only for a sign-in sheet per session.
type Source = {
  c: TrainingClass;
  school: string;
  people: Person[];
  columns: readonly RosterColumn[];
  sessions: readonly Session[] | undefined;
  // The days a sheet per day has pages for.
  days: readonly string[];
  // Sorted by group: the sheets say each person's group, so the groups can be told apart.
  byGroup: boolean;
};

const builders: Record<TableDocument, (source: Source) => TableDoc> = {
  roster: ({ c, school, people, columns }) => {
    const table = tableOf(people, columns);
    const width = table.columns.reduce((sum, column) => sum + column.width, 0);
    return {
      title: title('roster', c),
      subtitle: subtitle(school, trainingDates(c), message('documents.people', { count: people.length })),
      // A4 portrait holds about 48 characters of 10.5 pt text across; wider tables turn the page.
      orientation: width > 48 ? 'landscape' : 'portrait',
      sections: [table],
    };
  },
  signin: (source) => (source.sessions ? sessionSignin(source, source.sessions) : daySignin(source, source.days)),
  groups: ({ c, school, people }) => {
    const present = attending(people);
    const groups = [...new Set(present.map((p) => p.group))].sort((a, b) => (a ?? 1000) - (b ?? 1000));
    return {
      title: title('groups', c),
      subtitle: subtitle(
        school,
        message('documents.roster.groupCount', { groups: groups.filter((g) => g !== null).length, people: present.length }),
      ),
      orientation: 'portrait',
      sections: groups.map((group) => {
        const members = present.filter((p) => p.group === group);
        const leader = members.find((p) => p.role === groupLeaderRole);
        return {
          heading: message('documents.roster.groupHeading', {
            name: groupName(group, message('documents.roster.ungrouped')),
            count: members.length,
            leader: leader ? message('documents.roster.leader', { name: leader.name }) : '',
          }),
          ...tableOf(members, ['seq', 'name', 'sex', 'unit', 'position', 'role']),
        };
      }),
    };
  },
  contacts: ({ c, school, people }) => ({
    title: title('contacts', c),
    subtitle: subtitle(school, trainingDates(c)),
    orientation: 'portrait',
    sections: [tableOf(attending(people), contactsColumns)],
  }),
};

// The document an export writes, before it is written (the class archive writes the masked roster
// into its package).
export const rosterDoc = (
  core: Core,
  input: Omit<RosterExport, 'format' | 'grant' | 'csvEncoding' | 'document'> & { document: TableDocument },
): { doc: TableDoc; people: number } => {
  const target = getClass(core, input.classId);
  const { items } = rosterItems(core, { classId: input.classId, sort: input.sort });
  const people = peopleOf(core, items, input.reveal);
  const doc = builders[input.document]({
    c: target,
    school: getSettings(core).schoolName,
    people,
    columns: input.columns ?? defaultRosterColumns,
    sessions: signinSessions(core, input),
    days: signinDays(core, target, input),
    byGroup: input.sort === 'group',
  });
  return { doc, people: people.length };
};
