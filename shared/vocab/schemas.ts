import { z } from 'zod';

// Editable lists (词表): the values a select offers. More kinds arrive with later features.
export const vocabKinds = ['classCategory', 'classRole', 'module', 'format', 'staffRole', 'siteKind'] as const;
export type VocabKind = (typeof vocabKinds)[number];

export const defaultVocab: Record<VocabKind, readonly string[]> = {
  classCategory: ['主体班', '专题班', '青年干部培训班', '市管干部培训班', '年轻干部培训班'],
  classRole: ['班长', '副班长', '学习委员', '生活委员', '文体委员', '组长', '副组长', '临时党支部书记', '临时党支部委员'],
  // The five modules and the formats of the Liaoyuan project teaching.
  module: ['政策法规及实践运用', '业务知识与操作实务', '工作推进方法与策略', '典型实践与实践典型', '工作对策与思路研究'],
  format: ['专题讲座', '现场教学', '访谈教学', '案例教学', '结构化研讨', '调研', '四同实践', '学员论坛', '考核'],
  staffRole: ['授课教师', '项目顾问', '总协调人', '乡镇领导', '班主任', '带队教师'],
  siteKind: ['产业园', '村', '合作社', '企业', '展馆', '种植基地', '宿舍', '宾馆', '其他'],
};

// The kind of teaching point that has host households: a village.
export const villageKind = '村';
// The kinds of site whose lodging units are rooms (a room number, a floor) rather than households:
// the school's dormitory (党校宿舍) and a contracted hotel (宾馆).
export const roomKinds: readonly string[] = ['宿舍', '宾馆'];
export const isRoomKind = (kind: string): boolean => roomKinds.includes(kind);
// A site that lodges trainees: a village's households or a dormitory's or hotel's rooms.
export const isLodgingKind = (kind: string): boolean => kind === villageKind || isRoomKind(kind);

// What personnel lists write in these columns, offered as the form's suggestions.
export const politicalStatusWords = ['中共党员', '中共预备党员', '共青团员', '民主党派', '无党派人士', '群众'] as const;
export const educationWords = ['研究生', '大学本科', '大学专科', '中专', '高中'] as const;
// The ethnicity a new person's form starts with: most trainees in a Han-majority city.
export const usualEthnicity = '汉族';

// The class role that leads a study group: the group list names them beside their group.
export const groupLeaderRole = '组长';
// The roles of a study group rather than of the class committee (班委): a 座次表 with the committee in
// front leaves them with their groups.
export const groupRoles: readonly string[] = [groupLeaderRole, '副组长'];

export const vocabSchemas = {
  get: z.strictObject({ kind: z.enum(vocabKinds) }),
  set: z.strictObject({
    kind: z.enum(vocabKinds),
    items: z.array(z.string().trim().min(1).max(30)).min(1).max(200),
  }),
};
