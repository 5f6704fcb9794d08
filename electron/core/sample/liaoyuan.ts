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
    mixedRooms: false,
    floor: null,
    notes: [notes, sample].filter(Boolean).join('；'),
    active: true,
  })),
};

// --- The 年轻干部 class's records -------------------------------------------------------------------
// Everything below is made up for the sample and drawn by a seeded generator (seededRandom): the
// same forty people, the same marks and the same answers every time it is loaded.

// A small, fast generator (mulberry32): a seed gives one sequence in [0, 1), on every machine.
export const seededRandom = (seed: number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};
export type Random = ReturnType<typeof seededRandom>;
export const pick = <T>(random: Random, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
};

// Surnames common in Jilin; now and then a 复姓 (司马, 欧阳). Given names of one and two characters.
const sampleSurnames = [
  '王',
  '李',
  '张',
  '刘',
  '陈',
  '杨',
  '赵',
  '孙',
  '周',
  '吴',
  '徐',
  '马',
  '朱',
  '胡',
  '郭',
  '高',
  '于',
  '金',
  '崔',
  '姜',
  '田',
  '董',
  '韩',
  '宋',
];
const compoundSurnames = ['司马', '欧阳'];
const givenMale = [
  '伟',
  '强',
  '磊',
  '军',
  '勇',
  '杰',
  '涛',
  '明',
  '超',
  '刚',
  '浩',
  '鹏',
  '建军',
  '志刚',
  '海涛',
  '立新',
  '国栋',
  '文博',
  '宇航',
  '振宇',
  '晓东',
  '俊峰',
];
const givenFemale = [
  '静',
  '丽',
  '敏',
  '娜',
  '艳',
  '婷',
  '雪',
  '慧',
  '秀梅',
  '晓燕',
  '丽娟',
  '春艳',
  '美玲',
  '文静',
  '佳琪',
  '雨欣',
  '海燕',
  '红霞',
];

// Units of Liaoyuan's two counties and two districts: their departments and their towns.
export const sampleUnits: readonly { unit: string; positions: readonly string[] }[] = [
  { unit: '东辽县农业农村局', positions: ['副局长', '办公室主任', '科长'] },
  { unit: '东辽县发展和改革局', positions: ['副局长', '科长'] },
  { unit: '东辽县财政局', positions: ['科长', '副科长'] },
  { unit: '东辽县自然资源局', positions: ['副局长', '科长'] },
  { unit: '东丰县农业农村局', positions: ['副局长', '科长'] },
  { unit: '东丰县文化广播电视和旅游局', positions: ['副局长', '科长'] },
  { unit: '东丰县乡村振兴局', positions: ['副局长', '科长'] },
  { unit: '龙山区农业农村局', positions: ['副局长', '科长'] },
  { unit: '龙山区商务局', positions: ['副局长', '科长'] },
  { unit: '西安区住房和城乡建设局', positions: ['副局长', '科长'] },
  { unit: '西安区生态环境分局', positions: ['副局长', '科长'] },
  { unit: '东辽县安石镇人民政府', positions: ['副镇长', '党委委员', '镇长助理'] },
  { unit: '东辽县白泉镇人民政府', positions: ['副镇长', '党委委员'] },
  { unit: '东辽县辽河源镇人民政府', positions: ['副镇长', '党委委员'] },
  { unit: '东辽县金州乡人民政府', positions: ['副乡长', '党委委员'] },
  { unit: '东丰县大阳镇人民政府', positions: ['副镇长', '党委委员'] },
  { unit: '东丰县横道河镇人民政府', positions: ['副镇长', '党委委员'] },
  { unit: '东丰县那丹伯镇人民政府', positions: ['副镇长', '纪委书记'] },
  { unit: '龙山区寿山镇人民政府', positions: ['副镇长', '党委委员'] },
  { unit: '龙山区向阳街道办事处', positions: ['副主任', '党工委委员'] },
  { unit: '西安区灯塔镇人民政府', positions: ['副镇长', '党委委员'] },
  { unit: '西安区仙城街道办事处', positions: ['副主任', '党工委委员'] },
  { unit: '东辽县交通运输局', positions: ['副局长', '科长'] },
  { unit: '东丰县水利局', positions: ['副局长', '科长'] },
  { unit: '龙山区工业和信息化局', positions: ['副局长', '科长'] },
  { unit: '西安区文化广播电视和旅游局', positions: ['副局长', '科长'] },
  { unit: '东丰县南屯基镇人民政府', positions: ['副镇长', '党委委员'] },
  { unit: '东辽县渭津镇人民政府', positions: ['副镇长', '党委委员'] },
  { unit: '龙山区工农乡人民政府', positions: ['副乡长', '党委委员'] },
];

const ethnicities = ['汉族', '汉族', '汉族', '汉族', '汉族', '满族', '朝鲜族', '蒙古族'];
const politicalStatuses = ['中共党员', '中共党员', '中共党员', '中共党员', '中共预备党员'];
const educations = ['大学本科', '大学本科', '研究生', '大学本科', '大学专科'];

export type SampleTrainee = {
  name: string;
  sex: 'male' | 'female';
  ethnicity: string;
  birthDate: string;
  unit: string;
  position: string;
  politicalStatus: string;
  education: string;
};

// Fisher–Yates, drawn from the sample's generator.
export const shuffled = <T>(items: readonly T[], random: Random): T[] => {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
};

// Forty young cadres (born 1985–1993), no two with one name, every unit sending one, some two or
// three (as an organisation department spreads the places). No 身份证号 or phone numbers: a
// made-up number that passes the check could be a real person's.
export const sampleRoster = (random: Random, size = 40): SampleTrainee[] => {
  const people: SampleTrainee[] = [];
  const taken = new Set<string>();
  const units = [
    ...shuffled(sampleUnits, random),
    ...shuffled(sampleUnits, random).slice(0, 7),
    ...shuffled(sampleUnits, random).slice(0, 4),
  ];
  while (people.length < size) {
    const sex = random() < 0.4 ? 'female' : 'male';
    const surname = random() < 0.06 ? pick(random, compoundSurnames) : pick(random, sampleSurnames);
    const name = surname + pick(random, sex === 'male' ? givenMale : givenFemale);
    if (taken.has(name)) continue;
    taken.add(name);
    const { unit, positions } = units[people.length] ?? pick(random, sampleUnits);
    const year = 1985 + Math.floor(random() * 9);
    const month = 1 + Math.floor(random() * 12);
    people.push({
      name,
      sex,
      ethnicity: pick(random, ethnicities),
      birthDate: `${year}-${String(month).padStart(2, '0')}`,
      unit,
      position: pick(random, positions),
      politicalStatus: pick(random, politicalStatuses),
      education: pick(random, educations),
    });
  }
  return people;
};

// The class committee, and a leader for each of the five groups.
export const sampleCommittee = ['班长', '副班长', '学习委员', '生活委员', '文体委员', '临时党支部书记'] as const;
export const sampleGroupLeader = '组长';
export const sampleGroups = 5;

// Two nights in 朝阳村 during the class (its 四同 sessions), the work of each day.
export const sampleStay = {
  site: '安石镇朝阳村',
  arrive: '2019-09-11',
  depart: '2019-09-13',
  notes: '与“四同”实践课程同步安排',
  days: [
    {
      date: '2019-09-11',
      meals: ['dinner'],
      study: '与农户同学习：乡村振兴战略与村规民约',
      labourTask: '入户帮助秋收前整理农具、清理院落',
      labourField: '农户庭院',
      labourHours: 3,
      labourLeader: '韩丽',
    },
    {
      date: '2019-09-12',
      meals: ['breakfast', 'lunch', 'dinner'],
      study: '夜校：与农户座谈生态农业发展',
      labourTask: '下田收割水稻、搬运稻捆',
      labourField: '朝阳村水稻田',
      labourHours: 4,
      labourLeader: '张宝山',
    },
    { date: '2019-09-13', meals: ['breakfast'], study: '', labourTask: '', labourField: '', labourHours: 0, labourLeader: '' },
  ],
  reflections: [
    '在农户家同吃同住两天，真切感受到了群众对发展生态农业的期盼。',
    '下田收割让我体会到农业生产的辛苦，也看到了农机推广的必要。',
    '朝阳村的村规民约和“积分超市”很有借鉴意义，回去后要在本镇推广。',
  ],
  // One trainee left the village early for official business: fewer hours than planned.
  earlyLeave: { labourHours: 3, reflection: '因单位公务提前返回，参加了第一天的劳动。' },
} as const;

// Leave for one trainee's day away, and a few late arrivals.
export const sampleLeave = { date: '2019-09-16', reason: '单位紧急公务' };
export const sampleLate = 3;

// Research topics and the reports of the five groups (a group writes one report together).
export const sampleDeadline = '2019-09-18';
export const sampleTopics: readonly { title: string; adviser: string; description: string }[] = [
  {
    title: '现代生态农业产业化发展路径研究',
    adviser: '赵立新',
    description: '结合辽河源产业园和吉米飘香水田，分析产业化经营的路径',
  },
  { title: '乡村治理与村级组织建设调研', adviser: '韩丽', description: '以朝阳村为样本，研究村级组织在乡村治理中的作用' },
  { title: '林下经济与农民增收调研', adviser: '赵立新', description: '以刺五加种植基地为例，研究林下经济带动农民增收' },
  { title: '乡村旅游与民宿经济发展调研', adviser: '孙海燕', description: '以特色民宿一条街为例，研究乡村旅游的发展' },
  { title: '农民专业合作社规范化建设调研', adviser: '刘志强', description: '以秋硕合作社为例，研究合作社的规范运营' },
];

// What each report is about: the place seen, two findings and two proposals, woven into the usual
// structure of a 调研报告 (基本情况, 存在的问题, 对策建议).
const reportSubjects: readonly {
  place: string;
  facts: readonly string[];
  problems: readonly string[];
  proposals: readonly string[];
}[] = [
  {
    place: '辽河源现代生态农业产业园和吉米飘香万亩标准化水田',
    facts: ['产业园已形成种植、加工、销售一体化的经营格局', '标准化水田实行统一供种、统一施肥、统一收割'],
    problems: ['精深加工能力不足，产品附加值不高', '品牌宣传分散，市场知名度有待提升'],
    proposals: ['引进和培育农产品精深加工企业，延长产业链条', '整合区域公用品牌，打造“辽河源”生态稻米品牌'],
  },
  {
    place: '安石镇朝阳村',
    facts: ['村党支部推行“党员中心户”联系群众制度', '村规民约与“积分超市”相结合，群众参与村务的积极性明显提高'],
    problems: ['村级集体经济收入来源单一', '年轻人外出务工较多，村级后备力量不足'],
    proposals: ['盘活闲置资源，发展村级集体经济项目', '实施“青年人才回引”计划，加强村级后备干部培养'],
  },
  {
    place: '刺五加种植基地',
    facts: ['基地采取“企业+合作社+农户”模式，带动周边农户种植刺五加', '林下种植不占用耕地，亩均收益明显高于传统作物'],
    problems: ['种苗繁育和病虫害防治技术力量薄弱', '产品以初级原料销售为主，议价能力弱'],
    proposals: ['与农业院校合作建立技术服务站，开展田间培训', '推动与中药企业签订长期收购协议，稳定农户收益'],
  },
  {
    place: '特色民宿一条街和民族特色文化展示馆',
    facts: ['民宿一条街已有经营户二十余家，旺季入住率较高', '展示馆集中展示了本地民族文化和农耕文化'],
    problems: ['民宿服务标准不统一，淡旺季差异明显', '旅游线路与周边景点衔接不够'],
    proposals: ['制定民宿服务规范，开展经营户培训', '串联产业园、朝阳村和展示馆，设计精品研学线路'],
  },
  {
    place: '秋硕合作社',
    facts: ['合作社实行统一采购农资、统一技术指导、统一销售', '社员收入较入社前有明显增长'],
    problems: ['部分合作社财务管理不规范，盈余分配不透明', '合作社带头人经营管理能力有待提升'],
    proposals: ['推行财务公开和民主管理制度，规范盈余分配', '把合作社带头人纳入乡村振兴人才培训计划'],
  },
];

export const sampleReportText = (topic: string, index: number, authors: readonly string[]): string => {
  const subject = reportSubjects[index % reportSubjects.length] ?? reportSubjects[0];
  if (!subject) return topic;
  const numbered = (items: readonly string[]) => items.map((item, n) => `（${['一', '二', '三', '四'][n]}）${item}。`);
  return [
    topic,
    `2019年年轻干部培训班第${['一', '二', '三', '四', '五'][index] ?? index + 1}组　${authors.join('　')}`,
    `按照培训班的安排，我组于2019年9月到${subject.place}开展了实地调研，通过座谈交流、入户走访、查阅资料等方式，了解了当地推进现代生态农业和乡村振兴的做法，现将调研情况报告如下。`,
    '一、基本情况',
    ...numbered(subject.facts),
    '二、存在的问题',
    ...numbered(subject.problems),
    '三、对策建议',
    ...numbered(subject.proposals),
    '四、几点体会',
    '调研使我们深刻认识到，推进乡村振兴必须坚持党的领导，坚持以人民为中心，坚持因地制宜、分类施策。我们将把调研中学到的经验运用到今后的工作中，为辽源现代生态农业发展贡献力量。',
  ].join('\n');
};

// The first group's report is rated 优秀, published in the school's journal and sent to the city.
export const sampleReviewer = '刘志强';
export const sampleReviewedOn = '2019-09-20';
export const sampleReviews = [
  { grade: 'excellent', score: 92, comments: '选题切合实际，调研深入，对策建议具有较强的可操作性。' },
  { grade: 'good', score: 85, comments: '调研扎实，问题分析较为透彻。' },
  { grade: 'good', score: 83, comments: '材料翔实，建议可进一步细化。' },
  { grade: 'good', score: 80, comments: '结构完整，对策部分可再深入。' },
  { grade: 'pass', score: 74, comments: '问题把握准确，分析和建议有待加强。' },
] as const;
export const samplePublication = { journal: '辽源论丛', year: 2019, issue: '2019年第4期' };
export const sampleForwarding = {
  department: '中共辽源市委政策研究室',
  sentOn: '2019-10-15',
  feedback: '已收阅，拟在全市农业农村工作会议上交流',
  instruction: '',
};

// The four satisfactions: the trainees rate the organisation and a course, the base rates the
// class, a teacher rates the class. How many answered each, and the comments some wrote.
export const sampleSurveys = {
  course: '访谈教学：村党支部书记谈乡村振兴',
  site: '安石镇朝阳村',
  teacher: '孙海燕',
  respondents: { organisation: 38, trainees: 36, base: 3, teachers: 2 },
  comments: [
    '课程安排紧凑，现场教学收获很大。',
    '“四同”实践很接地气，建议延长入村时间。',
    '希望多安排一些结构化研讨。',
    '食宿安排周到，感谢班主任的辛苦付出。',
    '建议增加案例教学的比重。',
    '韩丽书记的访谈教学生动实在，很受启发。',
    '学员学习态度认真，纪律良好。',
    '与基地沟通顺畅，组织有序。',
  ],
};
