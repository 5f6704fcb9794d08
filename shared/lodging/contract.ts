import { z } from 'zod';
import { command, job, query } from '../channel';
import { tablePreviewSchema } from '../files/import-preview';
import { exportResultSchema } from '../files/schemas';
import {
  assignResultSchema,
  boardSchema,
  householdImportResultSchema,
  householdSchema,
  lodgingSchemas,
  participantSchema,
  paymentSchema,
  planDaySchema,
  staySchema,
} from './schemas';

export const lodgingContract = {
  'lodging.households': query(lodgingSchemas.households, z.array(householdSchema)),
  'lodging.saveHousehold': command(lodgingSchemas.saveHousehold, householdSchema),
  'lodging.saveRoom': command(lodgingSchemas.saveRoom, householdSchema),
  'lodging.importHouseholdsPreview': job(lodgingSchemas.importHouseholdsPreview, tablePreviewSchema, { quiet: true }),
  'lodging.importHouseholds': job(lodgingSchemas.importHouseholds, householdImportResultSchema),
  'lodging.exportHouseholds': job(lodgingSchemas.exportHouseholds, exportResultSchema, { quiet: true }),
  'lodging.stays': query(lodgingSchemas.stays, z.array(staySchema)),
  'lodging.saveStay': command(lodgingSchemas.saveStay, staySchema),
  'lodging.removeStay': command(lodgingSchemas.removeStay, z.object({ removed: z.boolean() })),
  'lodging.board': query(lodgingSchemas.board, boardSchema),
  'lodging.assign': command(lodgingSchemas.assign, assignResultSchema),
  'lodging.place': command(lodgingSchemas.place, boardSchema),
  'lodging.lock': command(lodgingSchemas.lock, boardSchema),
  'lodging.confirm': command(lodgingSchemas.confirm, boardSchema),
  // A room kept for staff during the stay (the 班主任's), or given back to the trainees.
  'lodging.reserve': command(lodgingSchemas.reserve, boardSchema),
  'lodging.plan': query(lodgingSchemas.plan, z.array(planDaySchema)),
  'lodging.savePlanDay': command(lodgingSchemas.savePlanDay, z.array(planDaySchema)),
  'lodging.participants': query(lodgingSchemas.participants, z.array(participantSchema)),
  'lodging.saveParticipant': command(lodgingSchemas.saveParticipant, participantSchema),
  'lodging.attachReflection': command(lodgingSchemas.attachReflection, participantSchema),
  'lodging.payments': query(lodgingSchemas.payments, z.array(paymentSchema)),
  'lodging.setPayment': command(lodgingSchemas.setPayment, z.array(paymentSchema)),
  'lodging.export': job(lodgingSchemas.export, exportResultSchema, { quiet: true }),
};
