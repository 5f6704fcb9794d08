import { z } from 'zod';
import { command, query } from '../channel';
import { staffDetailSchema, staffSchema, staffSchemas, teamMemberSchema } from './schemas';

export const staffContract = {
  'staff.list': query(staffSchemas.search, z.object({ items: z.array(staffSchema), approximate: z.boolean() })),
  'staff.get': query(staffSchemas.get, staffDetailSchema),
  'staff.create': command(staffSchemas.create, staffDetailSchema),
  'staff.update': command(staffSchemas.update, staffDetailSchema),
  'staff.team': query(staffSchemas.team, z.array(teamMemberSchema)),
  'staff.setTeam': command(staffSchemas.setTeam, z.array(teamMemberSchema)),
};
