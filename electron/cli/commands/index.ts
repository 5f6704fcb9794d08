import type { Command } from '../command';
import { archiveCommands } from './archive';
import { checkinCommands } from './checkin';
import { classCommands } from './classes';
import { lifecycleCommands } from './lifecycle';
import { dataCommands } from './data';
import { rosterCommands } from './roster';
import { lodgingCommands } from './lodging';
import { scheduleCommands } from './schedule';
import { reportCommands } from './reports';
import { siteCommands } from './sites';
import { surveyCommands } from './surveys';

export const commands: readonly Command[] = [
  ...classCommands,
  ...lifecycleCommands,
  ...rosterCommands,
  ...checkinCommands,
  ...scheduleCommands,
  ...siteCommands,
  ...lodgingCommands,
  ...reportCommands,
  ...archiveCommands,
  ...surveyCommands,
  ...dataCommands,
];
