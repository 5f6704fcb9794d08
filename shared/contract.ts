import type { z } from 'zod';
import { appContract } from './app/contract';
import { attendanceContract } from './attendance/contract';
import { auditContract } from './audit/contract';
import { backupContract } from './backup/contract';
import type { ChannelSpec } from './channel';
import { checkContract } from './check/contract';
import { checkinContract } from './checkin/contract';
import { classesContract } from './classes/contract';
import { lifecycleContract } from './lifecycle/contract';
import { documentsContract } from './documents/contract';
import { filesContract } from './files/contract';
import { jobsContract } from './jobs/contract';
import { rosterContract } from './roster/contract';
import { scheduleContract } from './schedule/contract';
import { settingsContract } from './settings/contract';
import { staffContract } from './staff/contract';
import { sitesContract } from './sites/contract';
import { lodgingContract } from './lodging/contract';
import { reportsContract } from './reports/contract';
import { searchContract } from './search/contract';
import { seatingContract } from './seating/contract';
import { surveysContract } from './surveys/contract';
import { traineesContract } from './trainees/contract';
import { vocabContract } from './vocab/contract';
import { workbenchContract } from './workbench/contract';

// Every door into the core — IPC, CLI, end-to-end harness — is typed from this table. Each domain
// declares its own channels in shared/<domain>/contract.ts; this file only gathers them.
export const contract = {
  ...appContract,
  ...settingsContract,
  ...vocabContract,
  ...classesContract,
  ...traineesContract,
  ...rosterContract,
  ...filesContract,
  ...documentsContract,
  ...backupContract,
  ...checkContract,
  ...auditContract,
  ...staffContract,
  ...scheduleContract,
  ...attendanceContract,
  ...checkinContract,
  ...seatingContract,
  ...sitesContract,
  ...lodgingContract,
  ...reportsContract,
  ...surveysContract,
  ...lifecycleContract,
  ...workbenchContract,
  ...searchContract,
  ...jobsContract,
} as const satisfies Record<string, ChannelSpec>;

// The fragments, by domain: a channel `x.*` is declared in shared/x/ and handled in electron/core/x/.
export const contractFragments = {
  app: appContract,
  settings: settingsContract,
  vocab: vocabContract,
  classes: classesContract,
  trainees: traineesContract,
  roster: rosterContract,
  files: filesContract,
  documents: documentsContract,
  backup: backupContract,
  check: checkContract,
  audit: auditContract,
  staff: staffContract,
  schedule: scheduleContract,
  attendance: attendanceContract,
  checkin: checkinContract,
  seating: seatingContract,
  sites: sitesContract,
  lodging: lodgingContract,
  reports: reportsContract,
  surveys: surveysContract,
  lifecycle: lifecycleContract,
  workbench: workbenchContract,
  search: searchContract,
  jobs: jobsContract,
} as const;

export type Contract = typeof contract;
// What a screen reads and a write changes, named as the contract's fragments are (see electron/core/db/table-domains.ts).
export type Domain = keyof typeof contractFragments;
export const isDomain = (name: unknown): name is Domain => typeof name === 'string' && Object.hasOwn(contractFragments, name);
export const domains: readonly Domain[] = Object.keys(contractFragments).filter(isDomain);
// A channel `x.verb` is declared in the fragment `x` (domains.test.ts holds every channel to it).
export const domainOf = (channel: Channel): Domain => {
  const name = channel.split('.')[0];
  if (!isDomain(name)) throw new Error(`channel outside every domain: ${channel}`);
  return name;
};
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(contract, name);

export const channels: readonly Channel[] = Object.keys(contract).filter(isChannel);
