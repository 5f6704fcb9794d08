import type { Command } from '../command';
import { checkinCommands } from './checkin';
import { classCommands } from './classes';
import { closingCommands } from './closing';
import { dataCommands } from './data';
import { rosterCommands } from './roster';
import { lodgingCommands } from './lodging';
import { scheduleCommands } from './schedule';
import { reportCommands } from './reports';
import { siteCommands } from './sites';
import { surveyCommands } from './surveys';

export const commands: readonly Command[] = [
  ...classCommands,
  ...closingCommands,
  ...rosterCommands,
  ...checkinCommands,
  ...scheduleCommands,
  ...siteCommands,
  ...lodgingCommands,
  ...reportCommands,
  ...surveyCommands,
  ...dataCommands,
];
