import type { TrainingClass } from '../../../shared/classes/schemas';
import type { Core } from '../context';
import { copySchedule } from '../schedule/save';
import { setTeam, teamOf } from '../staff/service';
import { copyClass } from '../classes/service';

// 另存为新班次 with what the class carries beyond its own facts. One command, so one transaction:
// if the schedule cannot come along (a teacher already busy elsewhere on the new dates), no new
// class is left behind either, and the message says which session stood in the way.
export const copyClassWith = (
  core: Core,
  input: { id: number; startDate: string; name?: string | undefined; withSchedule: boolean; withTeam: boolean },
): TrainingClass => {
  const copy = copyClass(core, input);
  if (input.withTeam)
    setTeam(
      core,
      copy.id,
      teamOf(core, input.id).map((member) => ({ staffId: member.staffId, role: member.role })),
    );
  if (input.withSchedule) copySchedule(core, { classId: copy.id, sourceClassId: input.id, replace: false });
  return copy;
};
