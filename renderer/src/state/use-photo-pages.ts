/** Pages of grid cells fetched by offset near the viewport, cached until the catalog changes. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PhotoQuery, PhotoSummary } from '../../../preload/contract';
import { lightbox, unwrap } from '../api/lightbox';

/** Photos per fetched page. */
export const PAGE_SIZE = 200;

/** Access to cached pages. */
export interface PhotoPages {
  /** The summary at a grid offset, if its page is loaded (stale pages are kept until replaced). */
  at(offset: number): PhotoSummary | undefined;
  /** Makes sure the pages covering [first, last] are loaded. */
  ensure(first: number, last: number): void;
}

/** Caches pages of `query`; `version` changes drop freshness so visible pages are refetched. */
export function usePhotoPages(query: PhotoQuery, version: number): PhotoPages {
  const pages = useRef(new Map<number, { version: number; rows: PhotoSummary[] }>());
  const inflight = useRef(new Set<string>());
  const [, setTick] = useState(0);
  const queryKey = JSON.stringify(query);
  const lastQuery = useRef(queryKey);
  if (lastQuery.current !== queryKey) {
    lastQuery.current = queryKey;
    pages.current.clear();
  }

  const fetchPage = useCallback(
    (index: number) => {
      const key = `${queryKey}#${index}@${version}`;
      if (inflight.current.has(key)) return;
      inflight.current.add(key);
      const q = JSON.parse(queryKey) as PhotoQuery;
      unwrap(lightbox.photos.page({ query: q, offset: index * PAGE_SIZE, limit: PAGE_SIZE }))
        .then((rows) => {
          if (lastQuery.current !== queryKey) return;
          pages.current.set(index, { version, rows });
          setTick((t) => t + 1);
        })
        .catch((error: unknown) => console.error('page fetch failed', error))
        .finally(() => inflight.current.delete(key));
    },
    [queryKey, version],
  );

  const ensure = useCallback(
    (first: number, last: number) => {
      const from = Math.floor(Math.max(0, first) / PAGE_SIZE);
      const to = Math.floor(Math.max(0, last) / PAGE_SIZE);
      for (let i = from; i <= to; i += 1) {
        const page = pages.current.get(i);
        if (!page || page.version !== version) fetchPage(i);
      }
    },
    [fetchPage, version],
  );

  useEffect(() => {
    // Note: keep memory bounded for huge catalogs: drop pages far from the ones recently used.
    if (pages.current.size > 60) pages.current.clear();
  }, [version]);

  const at = useCallback(
    (offset: number) => pages.current.get(Math.floor(offset / PAGE_SIZE))?.rows[offset % PAGE_SIZE],
    [],
  );
  return { at, ensure };
}
