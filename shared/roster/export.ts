import { z } from 'zod';
import { jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';
import { seatLayouts } from '../seating/schemas';

export const rosterDocuments = ['roster', 'signin', 'groups', 'contacts', 'seating', 'tentcards', 'badges'] as const;
export type RosterDocument = (typeof rosterDocuments)[number];

// The documents laid out as pages of their own (a classroom, cards to fold or cut) rather than as a
// table: PDF only, printed from HTML like the others.
export const cardDocuments = ['seating', 'tentcards', 'badges'] as const satisfies readonly RosterDocument[];
export type CardDocument = (typeof cardDocuments)[number];
export type TableDocument = Exclude<RosterDocument, CardDocument>;
export const isCardDocument = (document: RosterDocument): document is CardDocument =>
  (cardDocuments as readonly RosterDocument[]).includes(document);

export const tentcardsPerPage = [1, 2] as const;
export const badgesPerPage = [8, 10] as const;
export const tentcardFonts = ['hei', 'kai'] as const;
export type TentcardFont = (typeof tentcardFonts)[number];

export const exportFormats = ['xlsx', 'docx', 'pdf', 'csv'] as const;
export type ExportFormat = (typeof exportFormats)[number];

// Which formats each document comes in.
export const documentFormats: Record<RosterDocument, readonly ExportFormat[]> = {
  roster: ['xlsx', 'docx', 'pdf', 'csv'],
  signin: ['pdf', 'docx'],
  groups: ['xlsx', 'docx', 'pdf'],
  contacts: ['xlsx', 'docx', 'pdf', 'csv'],
  seating: ['pdf', 'xlsx'],
  tentcards: ['pdf'],
  badges: ['pdf'],
};

export const signinLayouts = ['day', 'session'] as const;
export type SigninLayout = (typeof signinLayouts)[number];

export const rosterColumns = [
  'seq',
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'idNumber',
  'unit',
  'position',
  'rank',
  'politicalStatus',
  'education',
  'phone',
  'group',
  'role',
  'status',
  'notes',
] as const;
export type RosterColumn = (typeof rosterColumns)[number];

export const defaultRosterColumns: readonly RosterColumn[] = [
  'seq',
  'name',
  'sex',
  'ethnicity',
  'birthDate',
  'unit',
  'position',
  'politicalStatus',
  'education',
  'phone',
];

export const rosterExportSchema = z.strictObject({
  classId: z.number().int().positive(),
  document: z.enum(rosterDocuments),
  format: z.enum(exportFormats),
  columns: z.array(z.enum(rosterColumns)).min(1).max(rosterColumns.length).optional(),
  // 身份证号 and phone go out masked unless the user ticks them in.
  reveal: z
    .strictObject({ idNumber: z.boolean().default(false), phone: z.boolean().default(false) })
    .default({ idNumber: false, phone: false }),
  sort: z.enum(['stroke', 'pinyin', 'unit', 'group']).default('stroke'),
  // The sign-in sheet: a page per day (上午/下午 columns) or a page per session, listing only the
  // groups that attend it; with sessionId, the page of that one session.
  signinBy: z.enum(signinLayouts).default('day'),
  sessionId: z.number().int().positive().optional(),
  // A page per day: only the days with sessions (no empty weekend pages), unless every day of the
  // class is asked for. A class without a schedule has a page for every day either way.
  allDays: z.boolean().default(false),
  csvEncoding: z.enum(['gb18030', 'utf8bom']).default('gb18030'),
  // 座次表: the class committee (班长, 学习委员…) in the front row(s), before the order chosen by sort.
  committeeFront: z.boolean().default(false),
  // 座次表: the classroom in rows (the class's saved seat map when there is one) or, for 结构化研讨,
  // a table per group.
  seatingLayout: z.enum(seatLayouts).default('rows'),
  // 桌签: one to an A4 sheet (landscape, folded in two) or two (portrait, cut across); 黑体 or 楷体.
  tentcardsPerPage: z.union([z.literal(tentcardsPerPage[0]), z.literal(tentcardsPerPage[1])]).default(1),
  tentcardFont: z.enum(tentcardFonts).default('hei'),
  // 胸牌: eight or ten to an A4 sheet, with or without a box for a photo.
  badgesPerPage: z.union([z.literal(badgesPerPage[0]), z.literal(badgesPerPage[1])]).default(8),
  badgePhoto: z.boolean().default(false),
  grant: grantSchema,
  jobId: jobIdSchema,
});

// The same documents on paper, through the system's print dialog: always masked (a printed sheet
// is passed around and pinned up), so nothing to reveal and no file.
export const rosterPrintSchema = rosterExportSchema.omit({ format: true, grant: true, csvEncoding: true, reveal: true });
export type RosterPrint = z.output<typeof rosterPrintSchema>;

// The 通讯录's columns (fixed: it is a contact list, not a choice of columns).
export const contactsColumns = ['seq', 'name', 'unit', 'position', 'phone', 'group'] as const satisfies readonly RosterColumn[];

// The personal numbers a document shows (masked unless revealed): what the CLI reminds the person of.
export const maskableColumnsOf = (document: RosterDocument, columns?: readonly string[]): ('idNumber' | 'phone')[] => {
  const shown: readonly string[] =
    document === 'roster' ? (columns ?? defaultRosterColumns) : document === 'contacts' ? contactsColumns : [];
  return (['idNumber', 'phone'] as const).filter((column) => shown.includes(column));
};
