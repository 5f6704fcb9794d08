import type { KeepRule } from '../../../shared/backup/schemas';

// Which backups to keep, as Time Machine and restic's `forget --keep-last/-daily/-weekly/-monthly`
// decide: the newest `last`; then the newest backup of each of the `daily` most recent days that have
// one, of the `weekly` most recent weeks, of the `monthly` most recent months. A backup may be kept by
// several rules; one kept by none goes. Days, weeks and months are the workstation's own calendar.
export type RetentionPolicy = { last: number; daily: number; weekly: number; monthly: number };

type Dated = { path: string; createdAt: string };

const pad = (n: number) => String(n).padStart(2, '0');

const dayOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

// A week is named by its Monday.
const weekOf = (date: Date) => {
  const monday = new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7));
  return dayOf(monday);
};

const monthOf = (date: Date) => `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;

const buckets: readonly [Exclude<KeepRule, 'last' | 'protected'>, (date: Date) => string][] = [
  ['daily', dayOf],
  ['weekly', weekOf],
  ['monthly', monthOf],
];

// The rules that keep each backup; `protect` names backups that stay whatever the rules say (the one
// just made, the one being restored from, the copy taken before a restore).
export const retained = (
  backups: readonly Dated[],
  policy: RetentionPolicy,
  protect: ReadonlySet<string> = new Set(),
): Map<string, KeepRule[]> => {
  const newestFirst = [...backups].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
  const kept = new Map<string, KeepRule[]>();
  const keep = (path: string, rule: KeepRule) => kept.set(path, [...(kept.get(path) ?? []), rule]);
  newestFirst.slice(0, policy.last).forEach((backup) => keep(backup.path, 'last'));
  for (const [rule, bucketOf] of buckets) {
    const seen = new Set<string>();
    for (const backup of newestFirst) {
      if (seen.size >= policy[rule]) break;
      const bucket = bucketOf(new Date(backup.createdAt));
      if (seen.has(bucket)) continue;
      seen.add(bucket);
      keep(backup.path, rule);
    }
  }
  for (const backup of newestFirst) if (protect.has(backup.path)) keep(backup.path, 'protected');
  return kept;
};
