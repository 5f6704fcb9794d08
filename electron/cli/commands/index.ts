import type { Command } from '../command';
import { classCommands } from './classes';
import { dataCommands } from './data';
import { rosterCommands } from './roster';
import { scheduleCommands } from './schedule';

export const commands: readonly Command[] = [...classCommands, ...rosterCommands, ...scheduleCommands, ...dataCommands];
