import { useCallback, useEffect, useEffectEvent, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import type { Result } from '../../../shared/result';
import { onDataChanged } from '../api';

export type Query<T> = {
  data: T | undefined;
  error: AppErrorShape | undefined;
  loading: boolean;
  reload: () => void;
};

type Loaded<T> = { request: string; data?: T; error?: AppErrorShape };

// Reads through the api, again whenever `key` changes or any command changes data. Only the answer
// to the latest request is kept; the previous data stays on screen while the next one loads.
export const useQuery = <T>(load: () => Promise<Result<T>>, key: string): Query<T> => {
  const [tick, setTick] = useState(0);
  const [loaded, setLoaded] = useState<Loaded<T>>({ request: '' });
  const request = `${tick}:${key}`;
  const fetchNow = useEffectEvent(() => load());

  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(() => onDataChanged(reload), [reload]);

  useEffect(() => {
    let current = true;
    void fetchNow().then((result) => {
      if (!current) return;
      setLoaded(result.ok ? { request, data: result.value } : { request, data: undefined, error: result.error });
    });
    return () => {
      current = false;
    };
  }, [request]);

  return { data: loaded.data, error: loaded.error, loading: loaded.request !== request, reload };
};
