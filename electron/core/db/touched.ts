import { type Channel, contract, type Domain, domainOf, domains } from '../../../shared/contract';
import { lastLogLine } from './audit-record';
import type { Core } from '../context';
import { listenForReads } from './reads';
import { statement } from './statements';
import { domainOfTable, isSqliteTable } from './table-domains';

// Which domains a call read or wrote, found from what it did rather than from a list kept by hand:
// the page reloads a screen when a write's domains meet the domains its query read.

const sorted = (found: Iterable<Domain>): Domain[] => [...found].sort();

// A query read its own domain (what is not in the database: the backup folder, the chosen files) and
// the domains of the tables its statements named. A table no domain claims (one a later migration
// added before table-domains.ts heard of it) could be anything: every domain, then.
export const readsOf = (core: Core, channel: Channel): { stop: () => readonly Domain[] } => {
  const listening = listenForReads(core.db);
  let read: readonly Domain[] | undefined;
  return {
    stop: () => {
      if (read) return read;
      const found = new Set<Domain>([domainOf(channel)]);
      for (const table of listening.stop()) {
        const domain = domainOfTable(table);
        if (domain) found.add(domain);
        else if (!isSqliteTable(table)) return (read = sorted(domains));
      }
      return (read = sorted(found));
    },
  };
};

// A write's domains are those of the rows it changed, as the audit triggers logged them: one line per
// row, naming its table (every table but the reports' text and index, which change with
// report_versions). A line record() wrote says what was done (an export, a print, a backup): no rows
// of a table, unless it says it created, changed or removed something, and then whatever it names
// that is no table is the channel's own doing. A call that wrote any line changed the log itself. A
// call that opened another database (a restore) wrote everything.
const rowActions = new Set(['create', 'update', 'delete']);

export const writesOf = (core: Core, channel: Channel): { stop: () => readonly Domain[] } => {
  const db = core.db;
  const before = lastLogLine(core);
  return {
    stop: () => {
      if (core.db !== db) return sorted(domains);
      const own = domainOf(channel);
      const found = new Set<Domain>(contract[channel].quiet ? [] : [own]);
      const lines = statement<[number], { entity: string; action: string }>(
        core.db,
        'SELECT DISTINCT entity, action FROM audit_log WHERE id > ?',
      ).all(before);
      for (const { entity, action } of lines) if (rowActions.has(action)) found.add(domainOfTable(entity) ?? own);
      if (lines.length > 0) found.add('audit');
      return sorted(found);
    },
  };
};
