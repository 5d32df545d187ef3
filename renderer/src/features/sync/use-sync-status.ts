/** The live sync status, from `sync:progress` events plus a poll while a sync runs. */
import { useEffect, useState } from 'react';
import type { SyncStatus } from '../../../../preload/contract';
import { lightbox, unwrap } from '../../api/lightbox';
import { useLightboxEvent } from '../../state/use-event';

/** Current sync status (null until first read). */
export function useSyncStatus(): [SyncStatus | null, (s: SyncStatus) => void] {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useLightboxEvent('sync:progress', setStatus);
  const active = status?.phase === 'running' || status?.phase === 'paused' || status?.phase === 'offline';
  useEffect(() => {
    const read = () =>
      void unwrap(lightbox.sync.status())
        .then(setStatus)
        .catch(() => undefined);
    read();
    if (!active) return;
    // Note: events are coalesced; a slow poll keeps the numbers moving if one is missed.
    const timer = setInterval(read, 1000);
    return () => clearInterval(timer);
  }, [active]);
  return [status, setStatus];
}
