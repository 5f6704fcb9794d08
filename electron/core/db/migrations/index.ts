import { classesMigration } from './001-classes';
import { rostersMigration } from './002-rosters';
import { auditChangesMigration } from './003-audit-changes';
import { storedFilesMigration } from './004-stored-files';
import { scheduleMigration } from './005-schedule';
import { sessionRowsMigration } from './006-session-rows';
import { auditPerStatementMigration } from './007-audit-per-statement';
import { sitesLodgingMigration } from './008-sites-lodging';
import { reportsMigration } from './009-reports';
import { surveysMigration } from './010-surveys';
import { stayConfirmationsMigration } from './011-stay-confirmations';
import { reportsNormalisedTextMigration } from './012-reports-normalised-text';
import { householdsNotHostingMigration } from './013-households-not-hosting';
import { surveyResponseOriginsMigration } from './014-survey-response-origins';
import { householdsMixedRoomsMigration } from './015-households-mixed-rooms';
import { auditCommandsMigration } from './016-audit-commands';
import { checkinMigration } from './017-checkin';
import { roomsMigration } from './018-rooms';
import { seatingMigration } from './019-seating';
import { certificateNumbersMigration } from './020-certificate-numbers';
import type { Migration } from './types';

export type { Migration } from './types';

export const migrations: readonly Migration[] = [
  classesMigration,
  rostersMigration,
  auditChangesMigration,
  storedFilesMigration,
  scheduleMigration,
  sessionRowsMigration,
  auditPerStatementMigration,
  sitesLodgingMigration,
  reportsMigration,
  surveysMigration,
  stayConfirmationsMigration,
  reportsNormalisedTextMigration,
  householdsNotHostingMigration,
  surveyResponseOriginsMigration,
  householdsMixedRoomsMigration,
  auditCommandsMigration,
  checkinMigration,
  roomsMigration,
  seatingMigration,
  certificateNumbersMigration,
];

export const latestVersion = migrations.length;
