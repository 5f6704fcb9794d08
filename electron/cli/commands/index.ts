import type { Command } from '../command';
import { classCommands } from './classes';
import { rosterCommands } from './roster';

export const commands: readonly Command[] = [...classCommands, ...rosterCommands];
