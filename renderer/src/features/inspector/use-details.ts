/** Loads the details of the selected photos (the first 200 of a large selection) for the inspector. */
import { useEffect, useState } from 'react';
import type { PhotoDetail } from '../../../../preload/contract';
import { lightbox, unwrap } from '../../api/lightbox';

/** How many selected photos the inspector reads in full. */
export const DETAIL_LIMIT = 200;

/** Details of `ids` (capped), reloaded when `version` changes. */
export function useDetails(ids: number[], version: number): PhotoDetail[] {
  const [details, setDetails] = useState<PhotoDetail[]>([]);
  const key = ids.slice(0, DETAIL_LIMIT).join(',');
  useEffect(() => {
    let live = true;
    const wanted = key ? key.split(',').map(Number) : [];
    Promise.all(wanted.map((id) => unwrap(lightbox.photos.get({ id })).catch(() => null)))
      .then((rows) => {
        if (live) setDetails(rows.filter((r): r is PhotoDetail => r !== null));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [key, version]);
  return details;
}
