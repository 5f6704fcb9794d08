import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSize, readWindowState, restoreState, writeWindowState } from './window-state';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const monitor = { x: 1920, y: 0, width: 2560, height: 1400 };

describe('the window’s place between runs', () => {
  it('opens where it was closed, maximized or not', () => {
    const saved = { bounds: { x: 2100, y: 80, width: 1500, height: 900 }, maximized: true };
    expect(restoreState(saved, [laptop, monitor])).toEqual(saved);
  });

  it('comes back onto the laptop when the monitor it stood on is gone', () => {
    const state = restoreState({ bounds: { x: 2100, y: 80, width: 1500, height: 900 }, maximized: false }, [laptop]);
    expect(state.bounds).toEqual({ width: 1500, height: 900 });
    expect(state.bounds.x).toBeUndefined();
  });

  it('is pulled fully onto a screen when it hung over the edge, and never larger than the screen', () => {
    expect(restoreState({ bounds: { x: -200, y: 500, width: 1400, height: 900 }, maximized: false }, [laptop]).bounds).toEqual({
      x: 0,
      y: 140,
      width: 1400,
      height: 900,
    });
    const small = { x: 0, y: 0, width: 1280, height: 680 };
    expect(restoreState({ bounds: { x: 0, y: 0, width: 1900, height: 1000 }, maximized: false }, [small]).bounds).toEqual({
      x: 0,
      y: 0,
      width: 1280,
      height: 680,
    });
  });

  it('takes the default place for nothing saved, or for a damaged file, and reads back what it wrote', () => {
    expect(restoreState(undefined, [laptop])).toEqual({ bounds: defaultSize, maximized: false });
    expect(restoreState({ bounds: { x: 'a' } }, [laptop])).toEqual({ bounds: defaultSize, maximized: false });
    const dir = mkdtempSync(join(tmpdir(), 'cadre-window-'));
    try {
      const file = join(dir, 'window-state.json');
      expect(readWindowState(file)).toBeUndefined();
      writeFileSync(file, '{ not json');
      expect(readWindowState(file)).toBeUndefined();
      writeWindowState(file, { bounds: { x: 10, y: 20, width: 1200, height: 700 }, maximized: false });
      expect(restoreState(readWindowState(file), [laptop])).toEqual({
        bounds: { x: 10, y: 20, width: 1200, height: 700 },
        maximized: false,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
