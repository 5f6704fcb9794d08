import { z } from 'zod';
import { query } from '../channel';
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
  'files.chooseFolder': query(z.strictObject({ purpose: z.enum(folderPurposes) }), chosenSchema),
  // Only for a file the app itself has written in this run (an export's grant).
  'files.showInFolder': query(z.strictObject({ grant: grantSchema }), z.object({})),
};
