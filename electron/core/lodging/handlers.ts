import type { Handlers } from '../router';
import { exportLodging } from './documents';
import { listHouseholds } from './households';
import { saveHousehold, saveRoom } from './unit-write';
import { exportLodgingUnits, importLodgingUnits, previewLodgingUnits } from './rooms';
import { attachReflection, participantsOf, paymentsOf, planOf, saveParticipant, savePlanDay, setPayment } from './plan';
import { getBoard } from './board';
import { assignStay, confirmHousehold, lockInStay, placeInStay, reserveRoom } from './placing';
import { listStays, removeStay, saveStay } from './stays';

export const lodgingHandlers = {
  'lodging.households': (core, { siteId, includeInactive }) => listHouseholds(core, siteId, includeInactive),
  'lodging.saveHousehold': (core, { siteId, id, fields }) => saveHousehold(core, siteId, id, fields),
  'lodging.saveRoom': (core, { siteId, id, fields }) => saveRoom(core, siteId, id, fields),
  'lodging.importHouseholdsPreview': (core, { siteId, grant }, job) => previewLodgingUnits(core, siteId, grant, job),
  'lodging.importHouseholds': (core, { siteId, grant, token }, job) => importLodgingUnits(core, siteId, grant, job, token),
  'lodging.exportHouseholds': (core, { siteId, grant }, job) => exportLodgingUnits(core, siteId, grant, job),
  'lodging.stays': (core, { classId }) => listStays(core, classId),
  'lodging.saveStay': (core, { classId, id, fields }) => saveStay(core, classId, id, fields),
  'lodging.removeStay': (core, { stayId }) => removeStay(core, stayId),
  'lodging.board': (core, { stayId }) => getBoard(core, stayId),
  'lodging.assign': (core, { stayId, rearrange }) => assignStay(core, stayId, rearrange),
  'lodging.place': (core, { stayId, enrolmentId, householdId, locked, leaveAlone }) =>
    placeInStay(core, stayId, enrolmentId, householdId, locked, leaveAlone),
  'lodging.lock': (core, { stayId, enrolmentId, locked }) => lockInStay(core, stayId, enrolmentId, locked),
  'lodging.confirm': (core, { stayId, householdId, confirmed }) => confirmHousehold(core, stayId, householdId, confirmed),
  'lodging.reserve': (core, { stayId, stay, householdId, for: reservedFor }) =>
    // The stay made here is undone with the call when the room is refused (one transaction).
    reserveRoom(core, stay ? saveStay(core, stay.classId, undefined, stay.fields).id : (stayId ?? 0), householdId, reservedFor),
  'lodging.plan': (core, { stayId }) => planOf(core, stayId),
  'lodging.savePlanDay': (core, { stayId, day }) => savePlanDay(core, stayId, day),
  'lodging.participants': (core, { stayId }) => participantsOf(core, stayId),
  'lodging.saveParticipant': (core, input) => saveParticipant(core, input),
  'lodging.attachReflection': (core, { stayId, enrolmentId, grant }) => attachReflection(core, stayId, enrolmentId, grant),
  'lodging.payments': (core, { classId }) => paymentsOf(core, classId),
  'lodging.setPayment': (core, input) => setPayment(core, input),
  'lodging.export': (core, input, job) => exportLodging(core, input, job),
} satisfies Handlers;
