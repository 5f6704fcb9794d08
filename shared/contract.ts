import { z } from 'zod';
import { classSchemas, trainingClassSchema } from './classes';
import { appInfoSchema, settingsPatchSchema, settingsSchema, vocabSchemas } from './settings';

// Every door into the core — IPC, CLI, end-to-end harness — is typed from this table.
// A query only reads; a command writes, inside one transaction.
type ChannelSpec = {
  kind: 'query' | 'command';
  input: z.ZodType;
  output: z.ZodType;
};

const none = z.strictObject({});
const query = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ kind: 'query' as const, input, output });
const command = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O) => ({ kind: 'command' as const, input, output });

const removed = z.object({ id: z.number().int() });

export const contract = {
  'app.info': query(none, appInfoSchema),
  'app.loadSample': command(none, z.object({ classes: z.number().int() })),

  'settings.get': query(none, settingsSchema),
  'settings.update': command(settingsPatchSchema, settingsSchema),

  'vocab.get': query(vocabSchemas.get, z.array(z.string())),
  'vocab.set': command(vocabSchemas.set, z.array(z.string())),

  'classes.list': query(classSchemas.list, z.object({ items: z.array(trainingClassSchema), approximate: z.boolean() })),
  'classes.years': query(none, z.array(z.number().int())),
  'classes.get': query(classSchemas.get, trainingClassSchema),
  'classes.create': command(classSchemas.create, trainingClassSchema),
  'classes.update': command(classSchemas.update, trainingClassSchema),
  'classes.remove': command(classSchemas.remove, removed),
  'classes.copy': command(classSchemas.copy, trainingClassSchema),
  'classes.setStatus': command(classSchemas.setStatus, trainingClassSchema),
  'classes.unarchive': command(classSchemas.unarchive, trainingClassSchema),
} as const satisfies Record<string, ChannelSpec>;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type InputOf<C extends Channel> = z.input<Contract[C]['input']>;
export type ParsedInputOf<C extends Channel> = z.output<Contract[C]['input']>;
export type OutputOf<C extends Channel> = z.output<Contract[C]['output']>;

export const isChannel = (name: unknown): name is Channel => typeof name === 'string' && Object.hasOwn(contract, name);

export const channels: readonly Channel[] = Object.keys(contract).filter(isChannel);
