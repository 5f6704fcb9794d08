import dayjs from 'dayjs';
import type { Conflict, Session } from '../../../../shared/schedule/schemas';

export const timeRange = (session: { start: string; end: string }) => `${session.start}–${session.end}`;

// 6月3日 星期一 in Chinese, Jun 3 Mon in English: the format strings come from the messages.
export const dayLabel = (iso: string, format: string) => dayjs(iso).format(format);

// One colour per teaching module, in the order the settings list them, so the five modules of a
// curriculum can be told apart across the grid at a glance.
const palette = ['#1d4f91', '#2f8f4e', '#b5651d', '#7b3fa0', '#b03a48', '#1f8a8a', '#8a7a1f', '#55606e'];
export const moduleColor = (module: string, modules: readonly string[]) => {
  const index = modules.indexOf(module);
  return module === '' ? '#8c8c8c' : (palette[(index < 0 ? modules.length : index) % palette.length] ?? '#8c8c8c');
};

export type Flag = 'error' | 'warning';

// The worst open problem of each session: an error, or a warning nobody has accepted yet.
export const flagsOf = (conflicts: readonly Conflict[]): Map<number, Flag> => {
  const flags = new Map<number, Flag>();
  for (const conflict of conflicts) {
    if (conflict.severity === 'warning' && conflict.accepted !== null) continue;
    for (const session of conflict.sessions) {
      if (session.id === null || flags.get(session.id) === 'error') continue;
      flags.set(session.id, conflict.severity);
    }
  }
  return flags;
};

export const sortSessions = (sessions: readonly Session[]) =>
  [...sessions].sort((a, b) => a.date.localeCompare(b.date) || a.start.localeCompare(b.start) || a.id - b.id);
