/**
 * The staff app's query cache (TanStack Query): every GET is cached under `[path, query]`, and a
 * list is refetched when something changes it — after this tab's own change (a mutation through
 * the client) or another user's (an event on the live socket).
 */
import { QueryClient, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { ApiError, api, onMutated, type Query } from './client.js';
import { useLiveEvents } from './live.js';

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 15_000,
      refetchOnWindowFocus: false,
      // a refusal (4xx) will not change by asking again; a network or server failure may
      retry: (n, e) => !(e instanceof ApiError && e.status >= 400 && e.status < 500) && n < 2,
    },
  },
});

/** Which cached lists a change under an /api resource makes stale (the audit trail records every change). */
const RELATED: [prefix: string, stale: string[]][] = [
  ['/api/kb', ['/api/kb', '/api/bot', '/api/my-work']],
  ['/api/bot', ['/api/bot', '/api/kb']],
  ['/api/callbacks', ['/api/callbacks', '/api/my-work']],
  ['/api/notifications', ['/api/notifications', '/api/my-work']],
  ['/api/users', ['/api/users']],
  ['/api/departments', ['/api/departments', '/api/users', '/api/matters']],
  ['/api/matters', ['/api/matters', '/api/kb']],
  ['/api/calendar', ['/api/calendar', '/api/service-hours', '/api/public/service-status']],
  ['/api/service-hours', ['/api/calendar', '/api/service-hours', '/api/public/service-status']],
  ['/api/duty', ['/api/duty']],
  ['/api/conduct', ['/api/conduct']],
  ['/api/work-orders', ['/api/work-orders']],
  ['/api/api-clients', ['/api/api-clients']],
];

/** The event families of the live socket and the resource each belongs to. */
const EVENT_RESOURCES: [family: string, resource: string][] = [
  ['kb.', '/api/kb'],
  ['bot.', '/api/bot'],
  ['callback.', '/api/callbacks'],
  ['user.', '/api/users'],
  ['department.', '/api/departments'],
  ['matter.', '/api/matters'],
  ['calendar.', '/api/calendar'],
  ['service_hours.', '/api/service-hours'],
  ['duty.', '/api/duty'],
  ['conduct.', '/api/conduct'],
  // a user's own notices: the live socket sends these to their recipient only
  ['notification.', '/api/notifications'],
  ['work_order.', '/api/work-orders'],
  ['api_client.', '/api/api-clients'],
];

/** The path prefixes to refetch after a change of `path` (e.g. `/api/kb/entries/1/publish`). */
export function staleAfter(path: string): string[] {
  const hit = RELATED.find(([prefix]) => path === prefix || path.startsWith(prefix + '/'));
  return ['/api/audit', ...(hit?.[1] ?? [])];
}

/** Marks every cached GET under these path prefixes stale; the ones on screen refetch at once. */
export function invalidatePaths(prefixes: readonly string[]): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => {
      const path = q.queryKey[0];
      return typeof path === 'string' && prefixes.some((p) => path === p || path.startsWith(p + '/'));
    },
  });
}

onMutated((path) => void invalidatePaths(staleAfter(path.split('?')[0])));

/** Refetches what another user's change (a live event) made stale; mounted once while signed in. */
export function useLiveRefresh(enabled: boolean): void {
  useLiveEvents(
    EVENT_RESOURCES.map(([family]) => family),
    (e) => {
      const resource = EVENT_RESOURCES.find(([family]) => e.type.startsWith(family))?.[1];
      if (resource) void invalidatePaths(staleAfter(resource));
    },
    enabled,
  );
}

export interface Loaded<T> {
  data: T | undefined;
  error: Error | undefined;
  loading: boolean;
  /** fetches again now (e.g. a "retry" button) */
  reload(): void;
}

/**
 * A cached GET of the staff API: keeps the last good data while refetching, refetches when a
 * change makes it stale. `enabled: false` waits (e.g. until the user may see it).
 */
export function useApiQuery<T>(
  path: string,
  query?: Query,
  opts: { enabled?: boolean; refreshMs?: number } = {},
): Loaded<T> {
  const q = useQuery({
    queryKey: [path, query ?? {}],
    queryFn: () => api.get<T>(path, query),
    enabled: opts.enabled ?? true,
    refetchInterval: opts.refreshMs,
    placeholderData: (previous) => previous,
  });
  const { refetch } = q;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: q.data, error: q.error ?? undefined, loading: q.isFetching, reload };
}
