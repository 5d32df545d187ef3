/** Folders, tags, buckets and the ordered ids of the current query, kept fresh from main's events. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Bucket, FolderRecord, PhotoQuery, ScanProgress, TagCount } from '../../../preload/contract';
import { lightbox, unwrap } from '../api/lightbox';
import { useLightboxEvent } from './use-event';

/** What the library view shows. */
export interface Library {
  folders: FolderRecord[];
  tags: TagCount[];
  buckets: Bucket[];
  /** Photo ids of the query, in grid order. */
  ids: number[];
  scans: Record<number, ScanProgress>;
  /** Bumped whenever the catalog changed; page caches drop what they hold. */
  version: number;
  error: string | null;
  refresh: () => void;
}

/** Loads the library for `query` and reloads it (coalesced) when the catalog changes. */
export function useLibrary(query: PhotoQuery): Library {
  const [state, setState] = useState<Omit<Library, 'refresh' | 'scans'>>({
    folders: [],
    tags: [],
    buckets: [],
    ids: [],
    version: 0,
    error: null,
  });
  const [scans, setScans] = useState<Record<number, ScanProgress>>({});
  const queryKey = JSON.stringify(query);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const latest = useRef(0);
  const load = useCallback(async () => {
    const q = JSON.parse(queryKey) as PhotoQuery;
    // Note: only the newest load may write; an older one (another filter, or a reload timer set
    // before the filter changed) answering late would show the wrong photos.
    const mine = ++latest.current;
    try {
      const [folders, tags, buckets, ids] = await Promise.all([
        unwrap(lightbox.folders.list()),
        unwrap(lightbox.tags.list()),
        unwrap(lightbox.photos.buckets(q)),
        unwrap(lightbox.photos.ids(q)),
      ]);
      if (mine !== latest.current) return;
      setState((s) => ({ folders, tags, buckets, ids, version: s.version + 1, error: null }));
    } catch (error) {
      if (mine !== latest.current) return;
      setState((s) => ({ ...s, error: error instanceof Error ? error.message : String(error) }));
    }
  }, [queryKey]);
  const loadRef = useRef(load);
  loadRef.current = load;

  const refresh = useCallback(() => {
    // Note: events arrive in bursts during a scan; one reload per 250 ms is plenty.
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      void loadRef.current();
    }, 250);
  }, []);

  useEffect(() => {
    void load();
  }, [load]);
  useLightboxEvent('catalog:changed', refresh);
  useLightboxEvent('sync:progress', refresh);
  useLightboxEvent('scan:progress', (progress) => {
    setScans((s) => ({ ...s, [progress.folderId]: progress }));
    refresh();
  });
  return { ...state, scans, refresh };
}
