import { command, none, query } from '../channel';
import { settingsPatchSchema, settingsSchema } from './schemas';

export const settingsContract = {
  'settings.get': query(none, settingsSchema),
  'settings.update': command(settingsPatchSchema, settingsSchema),
};
