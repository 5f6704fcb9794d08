import type { ClassFields } from '../../../shared/classes';

// The three 2019 classes of the Liaoyuan municipal Party school's project teaching
// ("modern ecological agriculture + four togethers"), as first-run sample data.
const goals = [
  '增强党性修养，强化责任担当',
  '提升推进现代生态农业发展的实践能力',
  '改进和完善干部培训模式',
  '学习先进典型，见贤思齐',
].join('\n');

const common = {
  location: '辽源市委党校、辽河源现代生态农业产业园、安石镇朝阳村',
  sponsor: '中共辽源市委组织部',
  goals,
} satisfies Partial<ClassFields>;

export const sampleSchoolName = '中共辽源市委党校';

export const sampleClasses: readonly ClassFields[] = [
  {
    ...common,
    name: '2019年青年干部培训班',
    category: '青年干部培训班',
    year: 2019,
    startDate: '2019-04-08',
    endDate: '2019-04-19',
    headTeacher: '经管教研室',
    plannedSize: 48,
    notes: '现代生态农业+“四同”项目式教学',
  },
  {
    ...common,
    name: '2019年市管干部培训班',
    category: '市管干部培训班',
    year: 2019,
    startDate: '2019-06-03',
    endDate: '2019-06-14',
    headTeacher: '经管教研室',
    plannedSize: 52,
    notes: '现代生态农业+“四同”项目式教学；优秀调研报告刊发于《辽源论丛》',
  },
  {
    ...common,
    name: '2019年年轻干部培训班',
    category: '年轻干部培训班',
    year: 2019,
    startDate: '2019-09-09',
    endDate: '2019-09-20',
    headTeacher: '经管教研室',
    plannedSize: 45,
    notes: '现代生态农业+“四同”项目式教学',
  },
];
