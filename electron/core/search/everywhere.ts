import { message } from '../../../shared/i18n/translate';
import type { Everywhere, SearchHit, SearchKind } from '../../../shared/search/schemas';
import { listClasses } from '../classes/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { searchHouseholds } from '../lodging/households';
import { searchReports } from '../reports/search';
import { siteTree } from '../sites/tree';
import { listStaff } from '../staff/service';
import { searchTrainees } from '../trainees/service';

// One box over everything the school keeps (Ctrl+K). Each kind is searched as its own page searches
// it — names by pinyin and initials, the reports by their full text — and the first few of each
// come back, with how many there are in all. Runs on every keystroke: each search is one pass over
// data already in memory or one index lookup.

type Group = Everywhere['groups'][number];

const group = (
  kind: SearchKind,
  found: { items: readonly SearchHit[]; total: number; approximate: boolean },
  perKind: number,
): Group => ({
  kind,
  total: found.total,
  approximate: found.approximate,
  hits: found.items.slice(0, perKind),
});

// A list searched whole: all it found, as hits.
const hitsOf = <T>(found: { items: readonly T[]; approximate: boolean }, hit: (item: T) => SearchHit) => ({
  total: found.items.length,
  approximate: found.approximate,
  items: found.items.map(hit),
});
const present = (parts: readonly string[]) => parts.filter((part) => part !== '');

const classesOf = (core: Core, query: string) =>
  hitsOf(listClasses(core, { search: query }), (c) => ({
    kind: 'class',
    id: c.id,
    title: c.name,
    detail: [c.code, message('text.dateRange', { from: c.startDate, to: c.endDate }), message(`status.${c.status}`)],
    parentId: null,
  }));

// The class a trainee was last in tells two 王伟 apart.
const latestClasses = (core: Core, ids: readonly number[]) =>
  new Map(
    statement<[string], { trainee_id: number; name: string }>(
      core.db,
      `SELECT e.trainee_id, (SELECT c.name FROM enrolments x JOIN classes c ON c.id = x.class_id
                             WHERE x.trainee_id = e.trainee_id ORDER BY c.start_date DESC LIMIT 1) AS name
         FROM (SELECT DISTINCT value AS trainee_id FROM json_each(?)) e`,
    )
      .all(JSON.stringify(ids))
      .map((row) => [row.trainee_id, row.name ?? '']),
  );

const traineesOf = (core: Core, query: string, perKind: number) => {
  const found = searchTrainees(core, { search: query, limit: perKind, offset: 0 });
  const latest = latestClasses(
    core,
    found.items.map((t) => t.id),
  );
  return {
    total: found.total,
    approximate: found.approximate,
    items: found.items.map((t) => ({
      kind: 'trainee' as const,
      id: t.id,
      title: t.name,
      detail: present([t.unit, t.position, latest.get(t.id) ?? '']),
      parentId: null,
    })),
  };
};

const staffOf = (core: Core, query: string) =>
  hitsOf(listStaff(core, query), (s) => ({
    kind: 'staff',
    id: s.id,
    title: s.name,
    detail: present([s.organisation, s.title, s.external ? message('search.external') : '']),
    parentId: null,
  }));

const sitesOf = (core: Core, query: string) => {
  const found = siteTree(core, query, false);
  const points = found.bases.flatMap((base) => base.points);
  return {
    total: points.length,
    approximate: found.approximate,
    items: points.map((p) => ({
      kind: 'site' as const,
      id: p.id,
      title: p.name,
      detail: present([p.baseName, p.kind, p.township]),
      parentId: p.baseId,
    })),
  };
};

const householdsOf = (core: Core, query: string) =>
  hitsOf(searchHouseholds(core, query), (h) => ({
    kind: 'household',
    id: h.id,
    title: h.head,
    detail: present([h.siteName, h.address, message('search.beds', { beds: h.beds })]),
    parentId: h.siteId,
  }));

const reportsOf = (core: Core, query: string, perKind: number) => {
  const found = searchReports(core, query, {}, perKind);
  return {
    total: found.total,
    approximate: false,
    items: found.hits.map(({ report }) => ({
      kind: 'report' as const,
      id: report.id,
      title: report.title || report.topicTitle,
      detail: present([report.authors.map((a) => a.name).join(message('text.list')), report.className]),
      parentId: report.classId,
    })),
  };
};

export const searchEverywhere = (core: Core, query: string, perKind: number): Everywhere => ({
  query,
  groups: [
    group('class', classesOf(core, query), perKind),
    group('trainee', traineesOf(core, query, perKind), perKind),
    group('staff', staffOf(core, query), perKind),
    group('site', sitesOf(core, query), perKind),
    group('household', householdsOf(core, query), perKind),
    group('report', reportsOf(core, query, perKind), perKind),
  ].filter((g) => g.hits.length > 0),
});
