import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onUnauthenticated } from '../api/client.js';
import { queryClient } from '../api/query.js';
import type { TMe } from '../../../src/contracts/org.js';
import type { Ability } from '../../../src/modules/abilities.js';

interface Session {
  me: TMe | undefined;
  /** a failure to reach /api/auth/me (network down) */
  error: Error | undefined;
  reload(): Promise<TMe | undefined>;
  signOut(): Promise<void>;
  /** does the signed-in user hold this ability (e.g. `org.manageUsers`)? */
  can(ability: Ability | undefined): boolean;
}

const SessionContext = createContext<Session | null>(null);

/** Who is signed in, with the abilities the server grants; reloads itself when the server answers 401. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<TMe>();
  const [error, setError] = useState<Error>();

  const reload = useCallback(async () => {
    try {
      const m = await api.get<TMe>('/api/auth/me');
      setMe(m);
      setError(undefined);
      return m;
    } catch (e) {
      setError(e as Error);
      return undefined;
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(
    () =>
      onUnauthenticated(() => {
        void reload();
      }),
    [reload],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      queryClient.clear(); // the next user must not see this one's cached lists
      setMe({ user: null, sessionExpired: false, demo: me?.demo ?? false });
    }
  }, [me?.demo]);

  const can = useCallback(
    (ability: Ability | undefined) => {
      if (!ability) return true;
      return !!me?.user && me.abilities.includes(ability);
    },
    [me],
  );

  const value = useMemo(() => ({ me, error, reload, signOut, can }), [me, error, reload, signOut, can]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('SessionProvider is missing');
  return s;
}
