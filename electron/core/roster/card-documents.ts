import { message } from '../../../shared/i18n/translate';
import type { CardDocument } from '../../../shared/roster/export';
import { getClass } from '../classes/service';
import type { Core } from '../context';
import type { TableDoc } from '../documents/table-doc';
import { getSettings } from '../settings/service';
import { badgesHtml, type CardPerson, tentcardsHtml } from './cards';
import { attending } from './document-people';
import { subtitle, title, trainingDates } from './document-titles';
import type { RosterExport } from './export-input';
import { classSeating } from './seat-plan';
import { groupTables, seatingDoc, seatingHtml, tablesDoc, tablesHtml } from './seating';
import { rosterItems } from './service';
import { signinSessions } from './signin';

// The roster's card documents of a class as printable pages: the class's people and settings put
// into the layouts of cards.ts (桌签, 胸牌) and seating.ts (座次表).

type CardPage = { html: string; landscape: boolean; title: string; people: number; sheet?: TableDoc };

// 座次表, 桌签 and 胸牌: the people who attend (not those withdrawn), in the order asked for, as pages
// of their own. Only what a card shows is taken from the roster: no ID number, no phone.
export const classCardPage = (
  core: Core,
  input: Omit<RosterExport, 'format' | 'grant' | 'csvEncoding' | 'reveal' | 'document'> & { document: CardDocument },
): CardPage => {
  const c = getClass(core, input.classId);
  signinSessions(core, input);
  const settings = getSettings(core);
  const { items } = rosterItems(core, { classId: input.classId, sort: input.sort });
  const people: CardPerson[] = attending(items).map(({ name, unit, position, group, role }) => ({
    name,
    unit,
    position,
    group,
    role,
  }));
  const docTitle = title(input.document, c);
  if (input.document === 'tentcards') {
    const perPage = input.tentcardsPerPage ?? 1;
    const html = tentcardsHtml(docTitle, people, { perPage, font: input.tentcardFont ?? 'hei' });
    return { html, landscape: perPage === 1, title: docTitle, people: people.length };
  }
  if (input.document === 'badges') {
    const html = badgesHtml(docTitle, c, settings.schoolName, people, {
      perPage: input.badgesPerPage ?? 8,
      photo: input.badgePhoto ?? false,
    });
    return { html, landscape: false, title: docTitle, people: people.length };
  }
  // The saved seat map when the class has one (with the roster's changes since); otherwise the
  // classroom filled in the order asked for.
  const { room, plan, seating } = classSeating(core, input.classId, {
    sort: input.sort,
    committeeFront: input.committeeFront ?? false,
  });
  const seated = people.length;
  if (input.seatingLayout === 'tables') {
    const tables = groupTables(people);
    const sub = subtitle(
      settings.schoolName,
      trainingDates(c),
      message('documents.roster.tablesLayout', { count: tables.length }),
      message('documents.people', { count: seated }),
    );
    return {
      html: tablesHtml(docTitle, sub, tables, room),
      sheet: tablesDoc(docTitle, sub, tables),
      landscape: true,
      title: docTitle,
      people: seated,
    };
  }
  const layout =
    message('documents.roster.seatingLayout', { rows: room.rows, seats: room.seats }) +
    (seating.extraRows > 0 ? message('documents.roster.extraRows', { count: seating.extraRows }) : '');
  const sub = subtitle(settings.schoolName, trainingDates(c), layout, message('documents.people', { count: seated }));
  return {
    html: seatingHtml(docTitle, sub, seating, room, (plan?.sort ?? input.sort) === 'group'),
    sheet: seatingDoc(docTitle, sub, seating, room),
    landscape: true,
    title: docTitle,
    people: seated,
  };
};
