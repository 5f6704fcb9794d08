// How personnel lists write a person's post after their unit, in one cell of a 工作单位及职务 column
// ("西安区灯塔镇党委副书记、镇长", "辽源市财政局预算科科长"): vocabulary of the files, read by the
// roster import's splitter (electron/core/roster/import/unit-position.ts) and the summary's count of
// units. Words only; how they are put together is the splitter's business.

// The posts themselves. A 副/常务副 or a 四级 in front is read by the modifiers below, so 副局长 need not
// be listed beside 局长 (it is, where offices write it as a word of its own).
export const postWords: readonly string[] = [
  '书记',
  '副书记',
  '专职副书记',
  '纪委书记',
  '党委书记',
  '党组书记',
  '党组成员',
  '成员',
  '党委委员',
  '党组副书记',
  '党委副书记',
  '常委',
  '县长',
  '区长',
  '市长',
  '镇长',
  '乡长',
  '局长',
  '厅长',
  '处长',
  '主任',
  '科长',
  '部长',
  '股长',
  '所长',
  '站长',
  '队长',
  '大队长',
  '中队长',
  '院长',
  '校长',
  '园长',
  '馆长',
  '社长',
  '行长',
  '台长',
  '庭长',
  '检察长',
  '主任科员',
  '科员',
  '办事员',
  '干事',
  '专员',
  '调研员',
  '巡视员',
  '督学',
  '经理',
  '总经理',
  '董事长',
  '总会计师',
  '总工程师',
  '总经济师',
  '主席',
  '秘书长',
  '委员',
  '组织委员',
  '宣传委员',
  '纪检委员',
  '统战委员',
  '武装部长',
  '组织员',
  '秘书',
  '会计',
  '出纳',
  '教师',
  '医师',
  '工程师',
  '主管',
  '负责人',
  '职员',
  '工作人员',
  '网格员',
  '大学生村官',
  '选调生',
];

// What may stand before a post word and belongs to the post: 副局长, 常务副县长, 四级调研员, 一级主任科员.
export const postModifiers: readonly string[] = [
  '常务副',
  '专职副',
  '第一副',
  '副',
  '第一',
  '一级',
  '二级',
  '三级',
  '四级',
  '总',
];

// The bodies of a unit whose posts people name with the body: 镇党委副书记, 局党组书记, 村党支部书记,
// 村委会主任, 镇人大主席. Read as part of the post when they follow a unit's name (东辽县安石镇党委…);
// after a bare place name they are the unit (东丰县纪委副书记: 单位 东丰县纪委).
export const postBodies: readonly string[] = [
  '党委',
  '党组',
  '党工委',
  '党总支',
  '党支部',
  '纪委',
  '纪工委',
  '人大',
  '村委会',
  '居委会',
];

// Between two posts of one person: "党委副书记、镇长", "副局长兼办公室主任", "书记 主任".
export const postJoiners: readonly string[] = ['、', '，', ',', '兼', '及', '和', '/', '／', ' ', '　'];

// What people type between a unit and a post when they do separate them: a space, a slash, a bar.
// The 顿号 is not one of these: it joins two posts far more often than it ends a unit.
export const unitPostSeparators: readonly string[] = [' ', '　', '/', '／', '|', '｜', '——', '－', '-'];

// How the division of an office inside a unit ends: 预算科, 干部科, 办公室, 教务处, 综合股, 外科. In a
// list of 工作单位 and 职务 the division goes with the post (单位: 辽源市财政局, 职务: 预算科科长), so
// that people of one unit are counted as one unit.
export const divisionEnds: readonly string[] = ['科', '股', '室', '处', '中队'];

// How a unit's name ends: a division is read as one only when it follows one of these (the 部 of
// 县委组织部, the 局 of 财政局, the 府 of 人民政府 …).
export const unitEnds: readonly string[] = [
  '办事处',
  '卫生室',
  '局',
  '部',
  '委',
  '府',
  '院',
  '镇',
  '乡',
  '街道',
  '村',
  '社区',
  '会',
  '厅',
  '校',
  '学',
  '中心',
  '司',
  '行',
  '厂',
  '社',
  '馆',
  '团',
  '所',
  '站',
  '办',
  '署',
  '台',
  '园',
  '队',
  '联',
];

// Offices that are units of their own, not divisions: the 办公室 of a government or a party
// committee (龙山区人民政府办公室, 县委办公室) is an agency whose head is its 主任.
export const agencyOffices: readonly { office: string; after: readonly string[] }[] = [
  { office: '办公室', after: ['政府', '委', '人大常委会', '政协'] },
];

// What a post may carry in brackets after it: "副局长（正科级）", "主任科员(挂职)".
export const postBrackets: readonly (readonly [string, string])[] = [
  ['（', '）'],
  ['(', ')'],
];
