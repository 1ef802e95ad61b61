import { useEffect, useState } from 'react';
import { api } from '../../api/client.js';
import type { TServiceStatus } from '../../../../src/contracts/calendar.js';

let skew = 0;
let measured: Promise<void> | null = null;

/** The server's clock minus this browser's (the one-minute timer counts on the server's time). */
function measure(): Promise<void> {
  measured ??= (async () => {
    const sent = Date.now();
    try {
      const s = await api.get<TServiceStatus>('/api/public/service-status');
      const received = Date.now();
      skew = Date.parse(s.now) - Math.round((sent + received) / 2);
    } catch {
      measured = null;
    }
  })();
  return measured;
}

/** The server's time now, in ms, ticking every `everyMs`. */
export function useServerNow(everyMs = 1000): number {
  const [now, setNow] = useState(() => Date.now() + skew);
  useEffect(() => {
    void measure().then(() => setNow(Date.now() + skew));
    const t = setInterval(() => setNow(Date.now() + skew), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}
