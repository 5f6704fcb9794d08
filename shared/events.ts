import type { MenuCommand } from './menu';

// The stages long work goes through, as the progress bar names them (extract: reading the text of
// reports, one by one; print: Chromium laying out a PDF, one step that says nothing of its progress).
export const jobPhases = [
  'read',
  'check',
  'prepare',
  'print',
  'write',
  'backup',
  'files',
  'restore',
  'integrity',
  'hash',
  'extract',
] as const;
export type JobPhase = (typeof jobPhases)[number];

// Events the core sends while it works; the window shows them as progress bars.
export type JobProgress = {
  type: 'job.progress';
  jobId: string;
  phase: JobPhase;
  done: number;
  total: number;
};

// A native menu item the page carries out (main sends it; see shared/menu.ts).
export type MenuEvent = { type: 'menu.command'; command: MenuCommand };

export type CoreEvent = JobProgress;

// What reaches the window: the core's progress, and main's menu commands.
export type WindowEvent = CoreEvent | MenuEvent;
