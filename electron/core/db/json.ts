import { type z } from 'zod';

// A JSON column read back: parsed, then held to its schema. What the app never writes (a hand-edited
// file, a row from a future version) falls back rather than reaching the screens as something else.
export const jsonColumn =
  <S extends z.ZodType>(schema: S, fallback: z.output<S>) =>
  (text: string | null): z.output<S> => {
    if (text === null) return fallback;
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return fallback;
    }
    const checked = schema.safeParse(parsed);
    return checked.success ? checked.data : fallback;
  };
