import { classesMigration } from './001-classes';
import type { Migration } from './types';

export type { Migration } from './types';

export const migrations: readonly Migration[] = [classesMigration];

export const latestVersion = migrations.length;
