import type { ClassFields } from '../../../shared/classes/schemas';
import type { SessionFields } from '../../../shared/schedule/schemas';
import type { HouseholdFields } from '../../../shared/lodging/schemas';
import type { PointFieldsInput } from '../../../shared/sites/schemas';
import type { StaffFields } from '../../../shared/staff/schemas';

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

// The project team as the model case describes it: the school's 经管教研室 leads, an agriculture
// expert advises, 朝阳村's Party secretary 韩丽 teaches as an exemplar. Names other than 韩丽's are
// made up for the sample; no phone numbers.
export const sampleStaff: readonly StaffFields[] = [
  {
    name: '刘志强',
    roles: ['授课教师', '总协调人'],
    organisation: '中共辽源市委党校经管教研室',
    title: '教授',
    phone: '',
    expertise: '农村经济、乡村振兴战略',
    notes: '示例数据',
    external: false,
  },
  {
    name: '孙海燕',
    roles: ['授课教师', '班主任'],
    organisation: '中共辽源市委党校经管教研室',
    title: '副教授',
    phone: '',
    expertise: '城市管理、调查研究方法',
    notes: '示例数据',
    external: false,
  },
  {
    name: '赵立新',
    roles: ['项目顾问'],
    organisation: '辽源市农业农村局',
    title: '高级农艺师',
    phone: '',
    expertise: '现代生态农业、水稻种植',
    notes: '示例数据',
    external: true,
  },
  {
    name: '韩丽',
    roles: ['授课教师'],
    organisation: '东辽县安石镇朝阳村',
    title: '村党支部书记',
    phone: '',
    expertise: '乡村治理、“四同”实践',
    notes: '示例数据',
    external: true,
  },
];

type SampleSession = Omit<SessionFields, 'teacherIds' | 'groups' | 'notes' | 'siteId'> & { teacher: string };

const [policy, practice, method, exemplar, research] = [
  '政策法规及实践运用',
  '业务知识与操作实务',
  '工作推进方法与策略',
  '典型实践与实践典型',
  '工作对策与思路研究',
] as const;

const morning = { start: '08:30', end: '11:30' };
const afternoon = { start: '14:00', end: '17:00' };
const evening = { start: '19:00', end: '21:00' };

// Two weeks of the 年轻干部 class: lectures and field teaching in the first, the four togethers in
// 朝阳村, then research, the trainees' forum and the final assessment — all five modules.
export const sampleSchedule: {
  className: string;
  team: readonly { name: string; role: string }[];
  sessions: readonly SampleSession[];
} = {
  className: '2019年年轻干部培训班',
  team: [
    { name: '刘志强', role: '总协调人' },
    { name: '孙海燕', role: '班主任' },
    { name: '赵立新', role: '项目顾问' },
    { name: '韩丽', role: '授课教师' },
  ],
  sessions: [
    {
      date: '2019-09-09',
      ...morning,
      title: '开班式暨乡村振兴战略专题讲座',
      module: policy,
      format: '专题讲座',
      teacher: '刘志强',
      place: '党校报告厅',
    },
    {
      date: '2019-09-09',
      ...afternoon,
      title: '现代生态农业政策法规解读',
      module: policy,
      format: '专题讲座',
      teacher: '孙海燕',
      place: '党校第一教室',
    },
    {
      date: '2019-09-10',
      ...morning,
      title: '辽河源现代生态农业产业园现场教学',
      module: practice,
      format: '现场教学',
      teacher: '赵立新',
      place: '辽河源现代生态农业产业园',
    },
    {
      date: '2019-09-10',
      ...afternoon,
      title: '山水林田综合体试验示范基地现场教学',
      module: practice,
      format: '现场教学',
      teacher: '赵立新',
      place: '中科院山水林田综合体试验示范基地',
    },
    {
      date: '2019-09-11',
      ...morning,
      title: '访谈教学：村党支部书记谈乡村振兴',
      module: method,
      format: '访谈教学',
      teacher: '韩丽',
      place: '安石镇朝阳村',
    },
    {
      date: '2019-09-11',
      ...afternoon,
      title: '“四同”实践：入户与农户同吃同住',
      module: exemplar,
      format: '四同实践',
      teacher: '孙海燕',
      place: '安石镇朝阳村',
    },
    {
      date: '2019-09-12',
      ...morning,
      title: '“四同”实践：下田同劳动',
      module: exemplar,
      format: '四同实践',
      teacher: '韩丽',
      place: '安石镇朝阳村',
    },
    {
      date: '2019-09-12',
      ...afternoon,
      title: '秋硕合作社现场教学',
      module: exemplar,
      format: '现场教学',
      teacher: '赵立新',
      place: '秋硕合作社',
    },
    {
      date: '2019-09-12',
      ...evening,
      title: '“四同”实践：与农户同学习',
      module: exemplar,
      format: '四同实践',
      teacher: '孙海燕',
      place: '安石镇朝阳村',
    },
    {
      date: '2019-09-13',
      ...morning,
      title: '结构化研讨：推进现代生态农业的难点与对策',
      module: method,
      format: '结构化研讨',
      teacher: '刘志强',
      place: '党校研讨室',
    },
    {
      date: '2019-09-13',
      ...afternoon,
      title: '调研题目发布与调研方法辅导',
      module: research,
      format: '专题讲座',
      teacher: '孙海燕',
      place: '党校第一教室',
    },
    {
      date: '2019-09-16',
      ...morning,
      title: '分组调研：万亩标准化水田',
      module: research,
      format: '调研',
      teacher: '赵立新',
      place: '吉米飘香万亩标准化水田',
    },
    {
      date: '2019-09-16',
      ...afternoon,
      title: '分组调研：刺五加种植基地',
      module: research,
      format: '调研',
      teacher: '孙海燕',
      place: '刺五加种植基地',
    },
    {
      date: '2019-09-17',
      ...morning,
      title: '分组调研：特色民宿一条街',
      module: research,
      format: '调研',
      teacher: '赵立新',
      place: '特色民宿一条街',
    },
    {
      date: '2019-09-17',
      ...afternoon,
      title: '民族特色文化展示馆现场教学',
      module: exemplar,
      format: '现场教学',
      teacher: '孙海燕',
      place: '民族特色文化展示馆',
    },
    {
      date: '2019-09-18',
      ...morning,
      title: '调研报告撰写辅导',
      module: research,
      format: '专题讲座',
      teacher: '刘志强',
      place: '党校第一教室',
    },
    {
      date: '2019-09-18',
      ...afternoon,
      title: '调研报告撰写',
      module: research,
      format: '调研',
      teacher: '孙海燕',
      place: '党校研讨室',
    },
    {
      date: '2019-09-19',
      ...morning,
      title: '学员论坛：调研成果交流',
      module: research,
      format: '学员论坛',
      teacher: '刘志强',
      place: '党校报告厅',
    },
    {
      date: '2019-09-19',
      ...afternoon,
      title: '乡村治理经验交流',
      module: method,
      format: '访谈教学',
      teacher: '韩丽',
      place: '党校报告厅',
    },
    {
      date: '2019-09-20',
      ...morning,
      title: '结业考核',
      module: research,
      format: '考核',
      teacher: '孙海燕',
      place: '党校第一教室',
    },
    {
      date: '2019-09-20',
      start: '14:00',
      end: '16:00',
      title: '结业式暨优秀调研报告点评',
      module: research,
      format: '专题讲座',
      teacher: '刘志强',
      place: '党校报告厅',
    },
  ],
};

// The two teaching bases and their points, as the model case names them. Addresses, contacts,
// capacities and minutes are made up for the sample.
const sample = '示例数据';
type SamplePoint = Omit<PointFieldsInput, 'baseId'>;

export const sampleSites: readonly { base: string; address: string; points: readonly SamplePoint[] }[] = [
  {
    base: '辽河源现代生态农业产业园',
    address: '辽源市东辽县',
    points: [
      {
        name: '辽河源现代生态农业产业园',
        kind: '产业园',
        capacity: 80,
        minutesFromSchool: 40,
        topics: '现代生态农业产业布局',
        modules: ['业务知识与操作实务'],
      },
      { name: '水源地保护湿地建设', kind: '种植基地', capacity: 50, minutesFromSchool: 45, topics: '水源地保护与生态修复' },
      {
        name: '秋硕合作社',
        kind: '合作社',
        capacity: 50,
        minutesFromSchool: 50,
        topics: '农民专业合作社运营',
        modules: ['典型实践与实践典型'],
      },
      { name: '吉米飘香农机广场', kind: '产业园', capacity: 60, minutesFromSchool: 45, topics: '农业机械化' },
      {
        name: '吉米飘香万亩标准化水田',
        kind: '种植基地',
        capacity: 60,
        minutesFromSchool: 45,
        topics: '水稻标准化种植',
        modules: ['工作对策与思路研究'],
      },
      {
        name: '中科院山水林田综合体试验示范基地',
        kind: '种植基地',
        capacity: 50,
        minutesFromSchool: 55,
        topics: '山水林田湖草综合治理',
        modules: ['业务知识与操作实务'],
      },
      {
        name: '柞树涵养林和鴜鹭湖有机蟹稻米种植基地',
        kind: '种植基地',
        capacity: 40,
        minutesFromSchool: 60,
        topics: '稻蟹共生有机种植',
      },
      {
        name: '刺五加种植基地',
        kind: '种植基地',
        capacity: 40,
        minutesFromSchool: 60,
        topics: '林下经济',
        modules: ['工作对策与思路研究'],
      },
      { name: '东辽县第一棉袜生产企业', kind: '企业', capacity: 30, minutesFromSchool: 35, topics: '县域特色产业' },
      { name: '东辽县第二棉袜生产企业', kind: '企业', capacity: 30, minutesFromSchool: 35, topics: '县域特色产业' },
      {
        name: '民族特色文化展示馆',
        kind: '展馆',
        capacity: 60,
        minutesFromSchool: 30,
        topics: '民族文化传承',
        modules: ['典型实践与实践典型'],
      },
    ],
  },
  {
    base: '安石镇朝阳村',
    address: '辽源市东辽县安石镇',
    points: [
      {
        name: '安石镇朝阳村',
        kind: '村',
        township: '安石镇',
        address: '东辽县安石镇朝阳村',
        guideName: '韩丽',
        capacity: 60,
        minutesFromSchool: 50,
        topics: '乡村治理、“四同”实践',
        modules: ['工作推进方法与策略', '典型实践与实践典型'],
      },
      { name: '特色民宿一条街', kind: '其他', township: '安石镇', capacity: 50, minutesFromSchool: 50, topics: '乡村旅游' },
    ],
  },
].map((base) => ({ ...base, points: base.points.map((point) => ({ notes: sample, ...point })) }));

// Minutes by road between points the sample schedule moves between in one day.
export const sampleTravel: readonly [string, string, number][] = [
  ['辽河源现代生态农业产业园', '中科院山水林田综合体试验示范基地', 20],
  ['安石镇朝阳村', '秋硕合作社', 15],
  ['安石镇朝阳村', '特色民宿一条街', 5],
  ['吉米飘香万亩标准化水田', '刺五加种植基地', 25],
  ['特色民宿一条街', '民族特色文化展示馆', 30],
];

// Host households of 朝阳村: names, numbers and beds made up (0437-555 numbers do not exist).
const households: readonly [string, number, HouseholdFields['hosts'], string][] = [
  ['王德福', 4, 'any', '饮食清淡'],
  ['李桂兰', 3, 'female', ''],
  ['张宝山', 4, 'male', '家中有农机，可安排田间劳动'],
  ['刘淑芬', 3, 'female', ''],
  ['赵长林', 4, 'any', ''],
  ['孙玉梅', 2, 'female', '有独立卫生间'],
  ['周国庆', 4, 'male', ''],
  ['吴凤琴', 3, 'any', ''],
  ['郑永福', 3, 'male', ''],
  ['陈秀英', 3, 'female', ''],
  ['马金山', 4, 'any', '家中养牛，对动物毛发过敏者慎住'],
  ['韩春生', 3, 'male', ''],
  ['杨淑华', 3, 'any', ''],
  ['朱德旺', 4, 'male', ''],
  ['胡桂芝', 2, 'female', ''],
  ['高明远', 3, 'any', ''],
];

export const sampleHouseholds: { site: string; households: HouseholdFields[] } = {
  site: '安石镇朝阳村',
  households: households.map(([head, beds, hosts, notes], index) => ({
    head,
    phone: `0437-555${String(101 + index).padStart(4, '0')}`,
    address: `朝阳村${['一', '二', '三', '四'][index % 4]}组`,
    beds,
    hosts,
    notes: [notes, sample].filter(Boolean).join('；'),
    active: true,
  })),
};
