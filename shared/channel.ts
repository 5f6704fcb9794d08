import { z } from 'zod';

// How a domain declares its channels. A query only reads. A command writes, inside one transaction
// the router opens. A job is long work (imports, exports, backups) that reports progress, can be
// cancelled, and manages its own transaction. `quiet` marks calls that leave the data as it was (they
// may add to the audit log), so screens need not reload.
export type ChannelSpec = {
  kind: 'query' | 'command' | 'job';
  input: z.ZodType;
  output: z.ZodType;
  quiet: boolean;
};

export const none = z.strictObject({});

export const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({
  kind: 'query' as const,
  input,
  output,
  quiet: true,
});

export const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, options: { quiet?: boolean } = {}) => ({
  kind: 'command' as const,
  input,
  output,
  quiet: options.quiet ?? false,
});

export const job = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O, options: { quiet?: boolean } = {}) => ({
  kind: 'job' as const,
  input,
  output,
  quiet: options.quiet ?? false,
});

// The page names each run of a job, so that it can follow its progress and cancel it.
export const jobIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{1,100}$/)
  .optional();

export const idSchema = z.number().int().positive();
