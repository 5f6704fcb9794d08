import type { Core } from '../context';
import { statement } from '../db/statements';
import type { RosterExport } from './export-input';
import type { RosterItem } from './service';

// Who a roster document lists: the roster's entries with their ID number and phone masked, or in full
// where the export was asked to reveal them.

export type Person = RosterItem & { idNumber: string; phone: string };

// Those who attend: everyone on the roster but those who have withdrawn.
export const attending = <P extends RosterItem>(people: readonly P[]) => people.filter((p) => p.status !== 'withdrawn');

export const peopleOf = (core: Core, items: readonly RosterItem[], reveal: RosterExport['reveal']): Person[] => {
  const full = new Map<number, { id_number: string | null; phone: string }>();
  if (reveal.idNumber || reveal.phone) {
    const rows = statement<[], { id: number; id_number: string | null; phone: string }>(
      core.db,
      'SELECT id, id_number, phone FROM trainees',
    ).all();
    for (const row of rows) full.set(row.id, row);
  }
  return items.map((item) => {
    const stored = full.get(item.traineeId);
    return {
      ...item,
      idNumber: reveal.idNumber && stored ? (stored.id_number ?? '') : item.idNumberMasked,
      phone: reveal.phone && stored ? stored.phone : item.phoneMasked,
    };
  });
};
