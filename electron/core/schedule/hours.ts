import { minutesOf, type Session } from '../../../shared/schedule/schemas';
import type { Core } from '../context';
import { getVocab } from '../vocab/service';
import { listSessions } from './rows';

const hoursOf = (session: Session) => (minutesOf(session.end) - minutesOf(session.start)) / 60;

// Hours per teaching module and per format: the five modules at a glance.
export const scheduleBalance = (core: Core, classId: number) => {
  const sessions = listSessions(core, classId);
  const tally = (names: readonly string[], pick: (s: Session) => string) => {
    const all = [...new Set([...names, ...sessions.map(pick).filter(Boolean)])];
    return all.map((name) => {
      const mine = sessions.filter((s) => pick(s) === name);
      return { name, hours: Math.round(mine.reduce((sum, s) => sum + hoursOf(s), 0) * 10) / 10, sessions: mine.length };
    });
  };
  return {
    totalHours: Math.round(sessions.reduce((sum, s) => sum + hoursOf(s), 0) * 10) / 10,
    modules: tally(getVocab(core, 'module'), (s) => s.module),
    formats: tally(getVocab(core, 'format'), (s) => s.format),
  };
};
