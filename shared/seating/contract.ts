import { z } from 'zod';
import { command, query } from '../channel';
import { seatingSchemas, seatingViewSchema } from './schemas';

export const seatingContract = {
  'seating.get': query(seatingSchemas.get, seatingViewSchema),
  'seating.arrange': command(seatingSchemas.arrange, z.object({ view: seatingViewSchema, summary: z.string() })),
  'seating.save': command(seatingSchemas.save, z.object({ view: seatingViewSchema, summary: z.string() })),
};
