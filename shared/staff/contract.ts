import { z } from 'zod';
import { command, job, query } from '../channel';
import { tablePreviewSchema } from '../files/import-preview';
import { exportResultSchema } from '../files/schemas';
import { staffDetailSchema, staffImportResultSchema, staffSchema, staffSchemas, teamMemberSchema } from './schemas';

export const staffContract = {
  'staff.list': query(staffSchemas.search, z.object({ items: z.array(staffSchema), approximate: z.boolean() })),
  'staff.get': query(staffSchemas.get, staffDetailSchema),
  'staff.create': command(staffSchemas.create, staffDetailSchema),
  'staff.update': command(staffSchemas.update, staffDetailSchema),
  'staff.importPreview': job(staffSchemas.importPreview, tablePreviewSchema, { quiet: true }),
  'staff.import': job(staffSchemas.import, staffImportResultSchema),
  'staff.export': job(staffSchemas.export, exportResultSchema, { quiet: true }),
  'staff.team': query(staffSchemas.team, z.array(teamMemberSchema)),
  'staff.setTeam': command(staffSchemas.setTeam, z.array(teamMemberSchema)),
};
