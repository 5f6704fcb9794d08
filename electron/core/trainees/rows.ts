import { maskBirthDate, maskIdNumber, maskPhone } from '../../../shared/idcard';
import { encodeReadings, personPinyinKey, readingsOf } from '../../../shared/text/pinyin';
import type { Sex, TraineeFields } from '../../../shared/trainees/schemas';

// A trainees row as stored, and its masked face.
export type TraineeRow = {
  id: number;
  name: string;
  sex: Sex | null;
  ethnicity: string;
  birth_date: string | null;
  id_number: string | null;
  phone: string;
  unit: string;
  position: string;
  rank: string;
  political_status: string;
  education: string;
  notes: string;
  name_readings: string;
  name_pinyin: string;
  created_at: string;
  updated_at: string;
};

export const maskedPerson = (row: TraineeRow) => ({
  name: row.name,
  sex: row.sex,
  ethnicity: row.ethnicity,
  birthDate: maskBirthDate(row.birth_date, row.id_number),
  idNumberMasked: row.id_number ? maskIdNumber(row.id_number) : '',
  phoneMasked: row.phone ? maskPhone(row.phone) : '',
  unit: row.unit,
  position: row.position,
  rank: row.rank,
  politicalStatus: row.political_status,
  education: row.education,
  notes: row.notes,
});

// Deriving readings costs tens of microseconds a name; an import of thousands meets the same names
// again (re-imports, common names), so the last few thousand are remembered.
const derivedCache = new Map<string, { readings: string; pinyin: string }>();
const derived = (name: string) => {
  let found = derivedCache.get(name);
  if (!found) {
    found = { readings: encodeReadings(readingsOf(name)), pinyin: personPinyinKey(name) };
    if (derivedCache.size >= 5000) derivedCache.delete(derivedCache.keys().next().value ?? '');
    derivedCache.set(name, found);
  }
  return found;
};

// Named parameters for INSERT/UPDATE, with the derived search columns.
export const rowParams = (fields: TraineeFields) => ({
  name: fields.name,
  sex: fields.sex,
  ethnicity: fields.ethnicity,
  birthDate: fields.birthDate,
  idNumber: fields.idNumber === '' ? null : fields.idNumber,
  phone: fields.phone,
  unit: fields.unit,
  position: fields.position,
  rank: fields.rank,
  politicalStatus: fields.politicalStatus,
  education: fields.education,
  notes: fields.notes,
  nameReadings: derived(fields.name).readings,
  namePinyin: derived(fields.name).pinyin,
});

// The fields as a form or an import would compare them.
export const fieldsOf = (row: TraineeRow): TraineeFields => ({
  name: row.name,
  sex: row.sex,
  ethnicity: row.ethnicity,
  birthDate: row.birth_date,
  idNumber: row.id_number ?? '',
  phone: row.phone,
  unit: row.unit,
  position: row.position,
  rank: row.rank,
  politicalStatus: row.political_status,
  education: row.education,
  notes: row.notes,
});
