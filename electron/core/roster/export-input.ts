import { message, type MessageKey } from '../../../shared/i18n/translate';
import type { ExportFormat, RosterColumn, RosterDocument, SigninLayout, TentcardFont } from '../../../shared/roster/export';
import type { RosterSort } from '../../../shared/roster/schemas';
import type { SeatLayout } from '../../../shared/seating/schemas';
import { fieldIssue, invalidInput } from '../../../shared/validation';
import type { CsvEncoding } from '../documents/csv-writer';

// What an export of the roster asks for (the export dialog's choices, or the CLI's), and how a choice
// that does not fit the document asked for is refused.

export type RosterExport = {
  classId: number;
  document: RosterDocument;
  format: ExportFormat;
  columns?: readonly RosterColumn[] | undefined;
  reveal: { idNumber: boolean; phone: boolean };
  sort: RosterSort;
  signinBy: SigninLayout;
  sessionId?: number | undefined;
  allDays?: boolean | undefined;
  csvEncoding: CsvEncoding;
  committeeFront?: boolean | undefined;
  seatingLayout?: SeatLayout | undefined;
  tentcardsPerPage?: 1 | 2 | undefined;
  tentcardFont?: TentcardFont | undefined;
  badgesPerPage?: 8 | 10 | undefined;
  badgePhoto?: boolean | undefined;
  grant: string;
};

export const refuse = (field: 'sessionId' | 'signinBy' | 'format', key: MessageKey) =>
  invalidInput([{ ...fieldIssue(field, 'invalid_format'), message: message(key) }]);
