import { maskIdNumber, maskPhone } from '../../../shared/idcard';
import type { Db } from './db';

// Who is changing data, when, and through which call: read by the audit triggers through SQL
// functions. The router sets `channel` and `at` (the time of the transaction) for each write.
export type AuditContext = { actor: string; channel: string; now: () => string; at?: string | undefined };

export const defaultAuditContext = (): AuditContext => ({ actor: 'unknown', channel: '', now: () => new Date().toISOString() });

// Registered on a connection only once its schema is known to be ours (connection.ts): these are the
// only functions of the app a trigger can call. Their own module, so that the schema check can build
// the migrations' schema (whose triggers call them) without importing the connection code.
export const registerAuditFunctions = (db: Db, context: AuditContext) => {
  // For the triggers of migration 7 on: called for every row written, so they only hand back what
  // the transaction set (see db/audit-triggers.ts).
  db.function('cadre_at', () => context.at ?? context.now());
  db.function('cadre_actor', () => context.actor);
  db.function('cadre_channel', () => context.channel);
  // For the triggers of migrations 3 to 6, which run only until migration 7 replaces them.
  db.function('cadre_now', () => context.now());
  db.function('cadre_mask_id', (value: unknown) => (typeof value === 'string' && value !== '' ? maskIdNumber(value) : value));
  db.function('cadre_mask_phone', (value: unknown) => (typeof value === 'string' && value !== '' ? maskPhone(value) : value));
};
