import { lazy, Suspense } from 'react';
import { useRead } from './use-query';
import { appInfoRead } from './reads';

// The welcome's code (a form, the data folder's chooser) loads only for a database that is new:
// every later start draws its first screen without it.
const FirstRunDialog = lazy(async () => ({ default: (await import('./FirstRunDialog')).FirstRunDialog }));

export const FirstRun = () => {
  const info = useRead(appInfoRead);
  if (info.data?.firstRun !== true) return null;
  return (
    <Suspense>
      <FirstRunDialog />
    </Suspense>
  );
};
