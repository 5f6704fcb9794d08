import { z } from 'zod';
import { isoDate } from '../dates';
import { jobIdSchema } from '../channel';
import { grantSchema } from '../files/schemas';

export const auditActions = ['create', 'update', 'delete', 'import', 'reveal', 'export', 'print', 'backup', 'restore'] as const;
export type AuditActionName = (typeof auditActions)[number];

export const auditEntities = [
  'classes',
  'trainees',
  'enrolments',
  'staff',
  'class_staff',
  'sessions',
  'session_teachers',
  'attendance',
  'settings',
  'vocab',
  'stored_files',
  'site_bases',
  'sites',
  'site_travel',
  'site_reviews',
  'households',
  'stays',
  'placements',
  'stay_confirmations',
  'stay_reservations',
  'stay_days',
  'stay_participants',
  'household_payments',
  'report_topics',
  'report_deadlines',
  'reports',
  'report_authors',
  'report_versions',
  'report_reviews',
  'report_publications',
  'report_forwardings',
  'survey_templates',
  'surveys',
  'survey_responses',
  'survey_response_origins',
  'class',
  'trainee',
  'data',
] as const;

const filters = {
  action: z.enum(auditActions).optional(),
  entity: z.string().max(40).optional(),
  actor: z.string().max(100).optional(),
  from: isoDate().optional(),
  to: isoDate().optional(),
  search: z.string().trim().max(100).optional(),
};

export const auditSchemas = {
  list: z.strictObject({
    ...filters,
    limit: z.number().int().min(1).max(500).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  export: z.strictObject({ ...filters, grant: grantSchema, jobId: jobIdSchema }),
  // The lines of one command, in the order they were written.
  parts: z.strictObject({
    command: z.number().int().min(1),
    limit: z.number().int().min(1).max(500).default(200),
    offset: z.number().int().min(0).default(0),
  }),
};

export type AuditFilters = Omit<z.output<typeof auditSchemas.list>, 'limit' | 'offset'>;

// Where a command came from: the window, the command line, or not known (lines written before
// commands were kept, migration 16).
export const auditDoors = ['app', 'cli', ''] as const;

export const auditEntrySchema = z.object({
  id: z.number().int(),
  // The command the line belongs to (its first line), and how many lines it wrote.
  command: z.number().int(),
  parts: z.number().int(),
  at: z.string(),
  // The operating system's account, and the name the settings gave for the person (may be empty).
  actor: z.string(),
  operator: z.string(),
  door: z.enum(auditDoors),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  summary: z.string(),
  channel: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});
export type AuditEntry = z.output<typeof auditEntrySchema>;
