import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { writeFileAtomic } from '../core/files/contain';

// Where the window was and how big, kept between runs. A position is used again only if enough of
// the window would be on a screen that is still there (a laptop taken off its second monitor must
// not open its window off-screen); a size never exceeds the screen it opens on.

export type Rect = { x: number; y: number; width: number; height: number };
export type WindowState = { bounds: Partial<Pick<Rect, 'x' | 'y'>> & Pick<Rect, 'width' | 'height'>; maximized: boolean };

export const defaultSize = { width: 1360, height: 860 } as const;
export const minimumSize = { width: 1024, height: 640 } as const;

const savedSchema = z.object({
  bounds: z.object({
    x: z.number().int(),
    y: z.number().int(),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
  }),
  maximized: z.boolean(),
});

// How much of `a` lies on `b`.
const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)) *
  Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));

// The state to open with, from what was saved (anything, or nothing) and the screens' work areas now.
export const restoreState = (saved: unknown, screens: readonly Rect[]): WindowState => {
  const parsed = savedSchema.safeParse(saved);
  const primary = screens[0] ?? { x: 0, y: 0, ...defaultSize };
  const fit = (size: { width: number; height: number }, on: Rect) => ({
    width: Math.max(Math.min(size.width, on.width), Math.min(minimumSize.width, on.width)),
    height: Math.max(Math.min(size.height, on.height), Math.min(minimumSize.height, on.height)),
  });
  if (!parsed.success) return { bounds: fit(defaultSize, primary), maximized: false };
  const { bounds, maximized } = parsed.data;
  // The screen it mostly stood on, if a quarter of it (and its title bar's row) is still on one.
  const best = [...screens].sort((a, b) => overlap(bounds, b) - overlap(bounds, a))[0];
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: 32 };
  const visible =
    best !== undefined &&
    overlap(bounds, best) >= (bounds.width * bounds.height) / 4 &&
    screens.some((screen) => overlap(titleBar, screen) > 0);
  if (!visible) return { bounds: fit(bounds, primary), maximized };
  const size = fit(bounds, best);
  return {
    bounds: {
      ...size,
      // Pulled in so that all of it is on that screen.
      x: Math.min(Math.max(bounds.x, best.x), best.x + best.width - size.width),
      y: Math.min(Math.max(bounds.y, best.y), best.y + best.height - size.height),
    },
    maximized,
  };
};

export const readWindowState = (file: string): unknown => {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // None yet, or unreadable: the default place.
    return undefined;
  }
};

export const writeWindowState = (file: string, state: { bounds: Rect; maximized: boolean }): void => {
  writeFileAtomic(file, new TextEncoder().encode(JSON.stringify(state)));
};
