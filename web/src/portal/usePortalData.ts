import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client.js';

export interface Loaded<T> {
  data: T | undefined;
  error: ApiError | Error | undefined;
  loading: boolean;
  reload(): void;
}

/**
 * The citizen portal's loader: `load` runs whenever `deps` change, keeping the last good data while
 * reloading. The portal has two public lists and must stay small on a slow phone line, so it does
 * without the staff app's query cache (../api/query.ts).
 */
export function usePortalData<T>(
  load: () => Promise<T>,
  deps: readonly unknown[],
  opts: { refreshMs?: number; skip?: boolean } = {},
): Loaded<T> {
  const [data, setData] = useState<T>();
  const [error, setError] = useState<ApiError | Error>();
  const [loading, setLoading] = useState(!opts.skip);
  const [tick, setTick] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    if (opts.skip) {
      setLoading(false);
      return;
    }
    let live = true;
    setLoading(true);
    loadRef
      .current()
      .then(
        (d) => {
          if (live) {
            setData(d);
            setError(undefined);
          }
        },
        (e: unknown) => {
          if (live) setError(e instanceof Error ? e : new Error(String(e)));
        },
      )
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [...deps, tick, opts.skip]);

  useEffect(() => {
    if (!opts.refreshMs) return;
    const id = window.setInterval(() => setTick((n) => n + 1), opts.refreshMs);
    return () => window.clearInterval(id);
  }, [opts.refreshMs]);

  const reload = useCallback(() => setTick((n) => n + 1), []);
  return { data, error, loading, reload };
}
