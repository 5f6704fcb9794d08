import { z } from 'zod';
import { job, jobIdSchema, query } from '../channel';
import { chosenSchema, folderPurposes, grantSchema, openPurposes, saveFormats } from './schemas';

export const filesContract = {
  'files.chooseOpen': query(z.strictObject({ purpose: z.enum(openPurposes) }), chosenSchema),
  'files.chooseSave': query(
    z.strictObject({
      purpose: z.literal('export'),
      defaultName: z.string().trim().min(1).max(200),
      format: z.enum(saveFormats),
    }),
    chosenSchema,
  ),
  // Several files at once (reports handed in): a grant for each.
  'files.chooseOpenMany': query(
    z.strictObject({ purpose: z.literal('reportFiles') }),
    z.object({ files: z.array(chosenSchema) }),
  ),
  // Files dragged onto the window, as the bytes the page was given (data: URLs); answered with a
  // grant for the folder the core wrote them into.
  'files.receiveDropped': job(
    z.strictObject({
      files: z
        .array(
          z.strictObject({
            relative: z.string().min(1).max(500),
            data: z
              .string()
              .max(70 * 1024 * 1024)
              .regex(/^data:[^,;]*;base64,/),
          }),
        )
        .min(1)
        .max(500),
      jobId: jobIdSchema,
    }),
    // What was left out of the drop (a name that cannot be made safe, a file too large), and why.
    z.object({
      folder: z.string(),
      files: z.number().int(),
      skipped: z.array(z.object({ relative: z.string(), reason: z.string() })),
    }),
    { quiet: true },
  ),
  'files.chooseFolder': query(z.strictObject({ purpose: z.enum(folderPurposes) }), chosenSchema),
  // Only for a file the app itself has written in this run (an export's grant).
  'files.showInFolder': query(z.strictObject({ grant: grantSchema }), z.object({})),
};
