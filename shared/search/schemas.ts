import { z } from 'zod';

// Search everywhere (Ctrl+K): one box over classes, trainees (name, pinyin, initials, unit), staff,
// teaching points, host households and the reports' full text; the hits grouped by kind.

export const searchKinds = ['class', 'trainee', 'staff', 'site', 'household', 'report'] as const;
export type SearchKind = (typeof searchKinds)[number];

export const hitSchema = z.object({
  kind: z.enum(searchKinds),
  id: z.number().int(),
  title: z.string(),
  // What tells two hits of the same name apart (a unit, a class, a village), in order.
  detail: z.array(z.string()),
  // Where a household lives, where a report belongs: what opening the hit needs.
  parentId: z.number().int().nullable(),
});
export type SearchHit = z.output<typeof hitSchema>;

export const everywhereSchema = z.object({
  query: z.string(),
  groups: z.array(
    z.object({
      kind: z.enum(searchKinds),
      // How many there are in all (the group shows the first few).
      total: z.number().int(),
      // Near misses by pinyin, when nothing matched exactly.
      approximate: z.boolean(),
      hits: z.array(hitSchema),
    }),
  ),
});
export type Everywhere = z.output<typeof everywhereSchema>;

export const searchSchemas = {
  everywhere: z.strictObject({
    query: z.string().trim().min(1).max(50),
    perKind: z.number().int().min(1).max(20).default(5),
  }),
};
