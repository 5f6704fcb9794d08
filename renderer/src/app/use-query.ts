import { useCallback, useEffect, useEffectEvent, useRef, useState } from 'react';
import type { AppErrorShape } from '../../../shared/errors';
import { onDataChanged } from '../api';
import { concerns, type Result } from '../../../shared/result';

export type Query<T> = {
  data: T | undefined;
  error: AppErrorShape | undefined;
  loading: boolean;
  reload: () => void;
};

// A read a screen makes, named by the key its answers are kept under.
export type Read<T> = { key: string; load: () => Promise<Result<T>> };

type Loaded<T> = { request: string; data?: T; error?: AppErrorShape };

const loadedFrom = <T>(request: string, result: Result<T>): Loaded<T> =>
  result.ok ? { request, data: result.value } : { request, data: undefined, error: result.error };

// Reads started before the first screen was drawn (main.tsx starts them beside the page's code),
// handed to the queries of their key as they mount, already answered if the answer came in time.
// They serve only the first screen: gone once it is drawn, or as soon as anything changes data.
type Early = { answer: Promise<Result<unknown>>; result?: Result<unknown> };
const early = new Map<string, Early>();
onDataChanged(() => early.clear());

export const readEarly = <T>({ key, load }: Read<T>): Promise<Result<T>> => {
  const answer = load();
  const entry: Early = { answer };
  early.set(key, entry);
  void answer.then((result) => {
    entry.result = result;
  });
  return answer;
};

// Called once the first page is on screen (from its effect in pages.tsx, which runs after its children's).
export const firstScreenDrawn = () => early.clear();

// The map holds each key's own answers: what readEarly stored under a key is what that key reads.
const earlyFor = <T>(key: string) => early.get(key) as { answer: Promise<Result<T>>; result?: Result<T> } | undefined;

// What the last answer read (the router says, by domain): undefined until one came, or when it did not say.
const readOf = (result: Result<unknown> | undefined) => (result?.ok ? result.read : undefined);

// Reads through the api, again whenever `key` changes or a command writes what the last answer read.
// Only the answer to the latest request is kept; the previous data stays on screen while the next one
// loads.
export const useQuery = <T>(load: () => Promise<Result<T>>, key: string): Query<T> => {
  const [tick, setTick] = useState(0);
  const request = `${tick}:${key}`;
  // An early answer already in: the first render shows it, and nothing is asked again.
  const [loaded, setLoaded] = useState<Loaded<T>>(() => {
    const result = earlyFor<T>(key)?.result;
    return result ? loadedFrom(request, result) : { request: '' };
  });
  const answered = useRef(loaded.request);
  const read = useRef(readOf(earlyFor<T>(key)?.result));
  const fetchNow = useEffectEvent(() => (tick === 0 ? earlyFor<T>(key)?.answer : undefined) ?? load());

  const reload = useCallback(() => setTick((n) => n + 1), []);
  useEffect(
    () =>
      onDataChanged((wrote) => {
        if (concerns(read.current, wrote)) reload();
      }),
    [reload],
  );

  useEffect(() => {
    if (answered.current === request) return;
    let current = true;
    void fetchNow().then((result) => {
      if (!current) return;
      answered.current = request;
      read.current = readOf(result);
      setLoaded(loadedFrom(request, result));
    });
    return () => {
      current = false;
    };
  }, [request]);

  return { data: loaded.data, error: loaded.error, loading: loaded.request !== request, reload };
};

export const useRead = <T>(read: Read<T>): Query<T> => useQuery(read.load, read.key);
