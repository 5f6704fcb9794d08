// Stable error codes: the renderer, the CLI and the tests key on these, never on message text.
export const errorCodes = [
  'INVALID_INPUT',
  'UNKNOWN_CHANNEL',
  'NOT_FOUND',
  'CONFLICT',
  'READ_ONLY',
  'INVALID_STATE',
  'DATABASE_TOO_NEW',
  'DATABASE_DAMAGED',
  // Its schema is not what the migrations make for its version: another program's, or altered.
  'DATABASE_FOREIGN',
  'FORBIDDEN',
  'CANCELLED',
  'HOST_FAILED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

// One problem with one field of an input: `field` is a dotted path ("endDate", "rows.3.name").
export const issueCodes = [
  'required',
  'too_long',
  'invalid_type',
  'invalid_date',
  'end_before_start',
  'not_positive',
  'not_integer',
  'out_of_range',
  'at_least',
  'at_most',
  'unknown_value',
  'unknown_field',
  'invalid_format',
  'id_format',
  'id_old_format',
  'id_region',
  'id_birth_date',
  'id_check_digit',
  'id_damaged',
  'invalid_phone',
  'duplicate',
  'invalid_time',
  'raw_path',
  'grant_unknown',
  'grant_purpose',
  'grant_format',
  'grant_used',
] as const;

export type IssueCode = (typeof issueCodes)[number];

export type FieldIssue = {
  field: string;
  code: IssueCode;
  message: string;
  params?: Record<string, string | number>;
  // The message key of the field's label, when it is not simply fields.<last segment>
  // (a person's "name" is 姓名, a class's is 班次名称).
  labelKey?: string;
};

export type ErrorDetails = {
  issues?: FieldIssue[];
  [key: string]: unknown;
};

export type AppErrorShape = {
  code: ErrorCode;
  message: string;
  details?: ErrorDetails;
};

// Thrown inside the core; the router turns it into `{ ok: false, error }`. Lives in shared so the
// renderer can narrow on the same shape it receives.
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: ErrorDetails | undefined;

  constructor(code: ErrorCode, message: string, details?: ErrorDetails) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toShape(): AppErrorShape {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
