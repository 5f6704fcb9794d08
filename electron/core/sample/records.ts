import { todayIso } from '../../../shared/dates';
import { planDayFieldsSchema } from '../../../shared/lodging/schemas';
import { responseInputSchema, type ResponseInput, type Satisfaction } from '../../../shared/surveys/schemas';
import { enrolmentFieldsSchema, traineeFieldsSchema } from '../../../shared/trainees/schemas';
import { allPresent, applyLeave, recordAttendance } from '../attendance/service';
import type { Core } from '../context';
import { statement } from '../db/statements';
import { savePlanDay, saveParticipant } from '../lodging/plan';
import { assignStay, confirmHousehold } from '../lodging/placing';
import { saveStay } from '../lodging/stays';
import { addVersion, reindexReports } from '../reports/versions';
import { createReport } from '../reports/authors';
import { reviewReport, saveOutcome } from '../reports/reviews';
import { saveTopic, setDeadline } from '../reports/topics';
import { addToRoster, assignInRoster, listRoster, splitGroups } from '../roster/service';
import { listSessions } from '../schedule/rows';
import { pointIdByName } from '../sites/points';
import { createSurvey, saveResponses } from '../surveys/service';
import {
  pick,
  type Random,
  sampleCommittee,
  sampleDeadline,
  sampleForwarding,
  sampleGroupLeader,
  sampleGroups,
  sampleLate,
  sampleLeave,
  samplePublication,
  sampleReportText,
  sampleReviewedOn,
  sampleReviewer,
  sampleReviews,
  sampleRoster,
  sampleStaff,
  sampleStay,
  sampleSurveys,
  sampleTopics,
  seededRandom,
  shuffled,
} from './liaoyuan';

// The sample class's own records, made through the services the screens use (the roster's, the
// lodging engine's, attendance's, the reports' and the surveys'): forty trainees in five groups with
// their committee, two nights in 朝阳村 placed by the engine, attendance for every session held so
// far, a report from each group (one rated 优秀 and published), and the four satisfactions answered.
// One seed draws everything, so the sample is the same each time it is loaded.

const seed = 2019_09_09;

// A local time of a sample day, as the instant the records keep (rule 10: the day is the school's).
const instantOn = (date: string, hour: number) => {
  const [year, month, day] = date.split('-').map(Number);
  return new Date(year ?? 2019, (month ?? 1) - 1, day ?? 1, hour).toISOString();
};

// The sample's own staff member (by name and organisation, as the schedule found them), never
// someone of the school's who shares the name.
const staffIdOf = (core: Core, name: string) =>
  statement<[string, string], { id: number }>(
    core.db,
    'SELECT id FROM staff WHERE name = ? AND organisation = ? ORDER BY id LIMIT 1',
  ).get(name, sampleStaff.find((member) => member.name === name)?.organisation ?? '')?.id ?? null;

const enrolSample = (core: Core, classId: number, random: Random) => {
  for (const person of sampleRoster(random))
    addToRoster(core, {
      classId,
      trainee: traineeFieldsSchema.parse(person),
      enrolment: enrolmentFieldsSchema.parse({}),
    });
  // Groups as the roster screen splits them (units and sexes spread), then the committee and a
  // leader in each group.
  splitGroups(core, classId, sampleGroups);
  const roster = listRoster(core, { classId, sort: 'group' }).items;
  const roles = new Map<number, string>();
  for (let group = 1; group <= sampleGroups; group += 1) {
    const members = roster.filter((entry) => entry.group === group);
    const leader = members[Math.floor(random() * members.length)];
    if (leader) roles.set(leader.enrolmentId, sampleGroupLeader);
  }
  const others = roster.filter((entry) => !roles.has(entry.enrolmentId));
  for (const role of sampleCommittee) {
    const free = others.filter((entry) => !roles.has(entry.enrolmentId));
    roles.set(pick(random, free).enrolmentId, role);
  }
  assignInRoster(
    core,
    classId,
    [...roles].map(([enrolmentId, role]) => ({ enrolmentId, role })),
  );
  return listRoster(core, { classId, sort: 'group' }).items;
};

type Roster = ReturnType<typeof enrolSample>;

const staySample = (core: Core, classId: number, roster: Roster, random: Random) => {
  const village = pointIdByName(core, sampleStay.site);
  if (village === undefined) return;
  const stay = saveStay(core, classId, undefined, {
    siteId: village,
    arrive: sampleStay.arrive,
    depart: sampleStay.depart,
    groups: [],
    notes: sampleStay.notes,
  });
  for (const day of sampleStay.days) savePlanDay(core, stay.id, planDayFieldsSchema.parse(day));
  // The beds by the lodging engine, as 自动安排 places them; each household that hosts has agreed.
  const board = assignStay(core, stay.id);
  for (const household of board.households)
    if (household.occupants.length > 0) confirmHousehold(core, stay.id, household.id, true);
  const [early, ...rest] = shuffled(roster, random);
  if (early)
    saveParticipant(core, {
      stayId: stay.id,
      enrolmentId: early.enrolmentId,
      participation: 'partial',
      labourHours: sampleStay.earlyLeave.labourHours,
      reflection: sampleStay.earlyLeave.reflection,
    });
  sampleStay.reflections.forEach((reflection, index) => {
    const writer = rest[index];
    if (writer)
      saveParticipant(core, {
        stayId: stay.id,
        enrolmentId: writer.enrolmentId,
        participation: 'full',
        labourHours: null,
        reflection,
      });
  });
};

// Every session held by today (all of a 2019 class): one trainee on leave for a day, a few late,
// everyone else present.
const attendanceSample = (core: Core, classId: number, roster: Roster, random: Random) => {
  const today = todayIso(core.now());
  const held = listSessions(core, classId).filter((session) => session.date <= today);
  const away = pick(random, roster);
  if (held.some((session) => session.date === sampleLeave.date))
    applyLeave(core, { enrolmentId: away.enrolmentId, from: sampleLeave.date, to: sampleLeave.date, reason: sampleLeave.reason });
  for (let n = 0; n < sampleLate; n += 1) {
    const session = pick(random, held);
    const late = pick(random, roster);
    if (late.enrolmentId !== away.enrolmentId || session.date !== sampleLeave.date)
      recordAttendance(core, session.id, [{ enrolmentId: late.enrolmentId, status: 'late', reason: '' }]);
  }
  for (const session of held) allPresent(core, session.id);
};

// A topic for each group, the group's report handed in the day before the deadline, reviewed, and
// the best of them published and sent on.
const reportsSample = (core: Core, classId: number, roster: Roster) => {
  setDeadline(core, classId, sampleDeadline);
  const made: number[] = [];
  sampleTopics.forEach((topic, index) => {
    const saved = saveTopic(core, classId, undefined, {
      title: topic.title,
      adviserStaffId: staffIdOf(core, topic.adviser),
      description: topic.description,
      maxAuthors: 1,
    });
    const group = index + 1;
    const authors = roster.filter((entry) => entry.group === group);
    // The group leader's name first, as a group signs its report.
    authors.sort((a, b) => Number(b.role === sampleGroupLeader) - Number(a.role === sampleGroupLeader));
    const reportId = createReport(core, {
      classId,
      topicId: saved.id,
      title: topic.title,
      groupNo: group,
      authors: authors.map((entry) => ({ enrolmentId: entry.enrolmentId, name: entry.name })),
    });
    const text = sampleReportText(
      topic.title,
      index,
      authors.map((entry) => entry.name),
    );
    const bytes = new TextEncoder().encode(text);
    addVersion(
      core,
      reportId,
      bytes,
      { fileName: `${authors[0]?.name ?? group}-${topic.title}.txt`, format: 'txt', status: 'text', text, chars: text.length },
      instantOn('2019-09-17', 17),
    );
    const review = sampleReviews[index] ?? sampleReviews[sampleReviews.length - 1];
    if (review) reviewReport(core, reportId, { ...review, reviewer: sampleReviewer, reviewedOn: sampleReviewedOn });
    if (review?.grade === 'excellent') saveOutcome(core, reportId, samplePublication, [sampleForwarding]);
    made.push(reportId);
  });
  reindexReports(core, made);
};

// Mostly 非常满意 and 满意, now and then 基本满意: as a well-run class is rated.
const scoreOf = (random: Random) => {
  const r = random();
  return r < 0.62 ? 5 : r < 0.93 ? 4 : 3;
};

// The four questionnaires, each through the typed grid's path (saveResponses).
const surveysSample = (core: Core, classId: number, random: Random) => {
  const course = listSessions(core, classId).find((session) => session.title === sampleSurveys.course);
  const site = pointIdByName(core, sampleSurveys.site) ?? null;
  const teacher = staffIdOf(core, sampleSurveys.teacher);
  const subjects: { satisfaction: Satisfaction; subject: 'class' | 'session' | 'site' | 'teacher'; subjectId: number | null }[] =
    [
      { satisfaction: 'organisation', subject: 'class', subjectId: null },
      { satisfaction: 'trainees', subject: 'session', subjectId: course?.id ?? null },
      { satisfaction: 'base', subject: 'site', subjectId: site },
      { satisfaction: 'teachers', subject: 'teacher', subjectId: teacher },
    ];
  for (const subject of subjects) {
    if (subject.subject !== 'class' && subject.subjectId === null) continue;
    const survey = createSurvey(core, { classId, ...subject });
    const responses: ResponseInput[] = Array.from({ length: sampleSurveys.respondents[subject.satisfaction] }, () =>
      responseInputSchema.parse({
        scores: survey.items.map(() => scoreOf(random)),
        comment: random() < 0.2 ? pick(random, sampleSurveys.comments) : '',
      }),
    );
    saveResponses(core, survey.id, responses);
  }
};

export const loadSampleRecords = (core: Core, classId: number): void => {
  const random = seededRandom(seed);
  const roster = enrolSample(core, classId, random);
  staySample(core, classId, roster, random);
  attendanceSample(core, classId, roster, random);
  reportsSample(core, classId, roster);
  surveysSample(core, classId, random);
};
