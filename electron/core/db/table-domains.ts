import type { Domain } from '../../../shared/contract';

// Which domain's screens show each table: the one place that says it. The router turns the tables a
// call read or wrote into domains through this map (the page reloads a screen when a write's domains
// meet its read's); table-domains.test.ts holds it to every table the migrations create.
export const tableDomains = {
  classes: 'classes',
  trainees: 'trainees',
  enrolments: 'roster',
  checkins: 'checkin',
  staff: 'staff',
  class_staff: 'staff',
  sessions: 'schedule',
  session_teachers: 'schedule',
  attendance: 'attendance',
  site_bases: 'sites',
  sites: 'sites',
  site_travel: 'sites',
  site_reviews: 'sites',
  households: 'lodging',
  household_payments: 'lodging',
  stays: 'lodging',
  stay_days: 'lodging',
  stay_participants: 'lodging',
  stay_confirmations: 'lodging',
  placements: 'lodging',
  stay_reservations: 'lodging',
  seat_plans: 'seating',
  seats: 'seating',
  certificate_numbers: 'lifecycle',
  reports: 'reports',
  report_authors: 'reports',
  report_deadlines: 'reports',
  report_forwardings: 'reports',
  report_publications: 'reports',
  report_reviews: 'reports',
  report_texts: 'reports',
  report_topics: 'reports',
  report_versions: 'reports',
  // The full-text index of the reports and the tables SQLite keeps for it.
  report_index: 'reports',
  report_index_config: 'reports',
  report_index_data: 'reports',
  report_index_docsize: 'reports',
  report_index_idx: 'reports',
  surveys: 'surveys',
  survey_templates: 'surveys',
  survey_responses: 'surveys',
  survey_response_origins: 'surveys',
  settings: 'settings',
  vocab: 'vocab',
  stored_files: 'files',
  audit_log: 'audit',
  audit_commands: 'audit',
} as const satisfies Record<string, Domain>;

// SQLite's own tables (the planner's statistics) show on no screen.
export const isSqliteTable = (table: string): boolean => table.startsWith('sqlite_');

const byTable = new Map<string, Domain>(Object.entries(tableDomains));

export const domainOfTable = (table: string): Domain | undefined => byTable.get(table);
