import { classesMigration } from './001-classes';
import { rostersMigration } from './002-rosters';
import type { Migration } from './types';

export type { Migration } from './types';

export const migrations: readonly Migration[] = [classesMigration, rostersMigration];

export const latestVersion = migrations.length;
