import { z } from 'zod';
import { absolutePath } from './paths';

export const locales = ['zh-CN', 'en-US'] as const;
export type Locale = (typeof locales)[number];

export const settingsSchema = z.object({
  schoolName: z.string(),
  locale: z.enum(locales),
  firstRunDone: z.boolean(),
  // Backups: where (empty = the data folder's backups/), how many to keep, whether daily and on close.
  backupDir: z.string(),
  backupKeep: z.number().int(),
  autoBackup: z.boolean(),
  lastBackupAt: z.string(),
});

export type Settings = z.output<typeof settingsSchema>;

export const defaultSettings: Settings = {
  schoolName: '',
  locale: 'zh-CN',
  firstRunDone: false,
  backupDir: '',
  backupKeep: 14,
  autoBackup: true,
  lastBackupAt: '',
};

export const settingsPatchSchema = z.strictObject({
  schoolName: z.string().trim().max(60).optional(),
  locale: z.enum(locales).optional(),
  firstRunDone: z.boolean().optional(),
  // Empty for the default (the data folder's backups/).
  backupDir: z.union([z.literal(''), absolutePath()]).optional(),
  backupKeep: z.number().int().min(1).max(365).optional(),
  autoBackup: z.boolean().optional(),
});

// Editable lists (词表): the values a select offers. More kinds arrive with later features.
export const vocabKinds = ['classCategory', 'classRole', 'module', 'format', 'staffRole'] as const;
export type VocabKind = (typeof vocabKinds)[number];

export const defaultVocab: Record<VocabKind, readonly string[]> = {
  classCategory: ['主体班', '专题班', '青年干部培训班', '市管干部培训班', '年轻干部培训班'],
  classRole: ['班长', '副班长', '学习委员', '生活委员', '文体委员', '组长', '副组长', '临时党支部书记', '临时党支部委员'],
  // The five modules and the formats of the Liaoyuan project teaching.
  module: ['政策法规及实践运用', '业务知识与操作实务', '工作推进方法与策略', '典型实践与实践典型', '工作对策与思路研究'],
  format: ['专题讲座', '现场教学', '访谈教学', '案例教学', '结构化研讨', '调研', '四同实践', '学员论坛', '考核'],
  staffRole: ['授课教师', '项目顾问', '总协调人', '乡镇领导', '班主任', '带队教师'],
};

export const vocabSchemas = {
  get: z.strictObject({ kind: z.enum(vocabKinds) }),
  set: z.strictObject({
    kind: z.enum(vocabKinds),
    items: z.array(z.string().trim().min(1).max(30)).min(1).max(200),
  }),
};

export const appWarnings = ['network_drive'] as const;

export const appInfoSchema = z.object({
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  firstRun: z.boolean(),
  classCount: z.number().int(),
  warnings: z.array(z.enum(appWarnings)),
});

export type AppInfo = z.output<typeof appInfoSchema>;
