import type { CoreHost } from '../core/host/host';

export type QuitAnswer = 'wait' | 'stop' | 'stay';

// Quitting while an import, an export or a backup is under way: the person is asked whether to let
// it finish (then quit), to stop it (a stopped job leaves nothing half-written) or not to quit.
// Resolves whether to go on quitting.
export const confirmQuit = async (
  host: Pick<CoreHost, 'running' | 'whenIdle'>,
  ask: (jobs: number) => Promise<QuitAnswer>,
  // How long "let it finish" waits at most before quitting anyway (stopping what is left).
  patience = 30 * 60 * 1000,
): Promise<boolean> => {
  const jobs = host.running().length;
  if (jobs === 0) return true;
  const answer = await ask(jobs);
  if (answer === 'stay') return false;
  if (answer === 'wait') await host.whenIdle(patience);
  return true;
};
