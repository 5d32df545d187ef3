/** Loads the details of the selected photos (the first 200 of a large selection) for the inspector. */
import { useEffect, useState } from 'react';
import type { PhotoDetail } from '../../../../preload/contract';
import { lightbox, unwrap } from '../../api/lightbox';

/** How many selected photos the inspector reads in full. */
export const DETAIL_LIMIT = 200;

/** Details of `ids` (capped), reloaded when `version` changes; null while a new selection loads. */
export function useDetails(ids: number[], version: number): PhotoDetail[] | null {
  const [loaded, setLoaded] = useState<{ key: string; rows: PhotoDetail[] }>({ key: '', rows: [] });
  const key = ids.slice(0, DETAIL_LIMIT).join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',').map(Number) : [];
    Promise.all(wanted.map((id) => unwrap(lightbox.photos.get({ id })).catch(() => null)))
      .then((rows) => {
        if (live) setLoaded({ key, rows: rows.filter((r): r is PhotoDetail => r !== null) });
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key, version]);
  // Note: the previous selection's values must never show under a new selection (an edit would
  // look as if it applied to them); stale rows of the same selection are fine during a reload.
  return loaded.key === key ? loaded.rows : null;
}
