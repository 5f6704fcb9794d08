import { z } from 'zod';
import { command, query } from '../channel';
import { checkinListSchema, checkinOutcomeSchema, checkinRowSchema, checkinSchemas } from './schemas';

export const checkinContract = {
  'checkin.list': query(checkinSchemas.list, checkinListSchema),
  'checkin.checkIn': command(checkinSchemas.checkIn, checkinOutcomeSchema),
  'checkin.mark': command(checkinSchemas.mark, z.object({ row: checkinRowSchema, summary: z.string() })),
  'checkin.undo': command(checkinSchemas.undo, z.object({ row: checkinRowSchema, summary: z.string() })),
  'checkin.walkIn': command(checkinSchemas.walkIn, z.object({ row: checkinRowSchema, summary: z.string() })),
};
