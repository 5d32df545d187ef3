/** The centre grid: month sections of square thumbnails, virtualized for 100k photos. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Bucket, PhotoQuery } from '../../../../preload/contract';
import { formatBucket, plural } from '../../lib/format';
import { useLightboxEvent } from '../../state/use-event';
import { usePhotoPages } from '../../state/use-photo-pages';
import type { Selection } from '../../state/use-selection';
import { buildRows, rowOfOffset } from './grid-rows';
import { cellId, PhotoCell } from './photo-cell';

const TARGET_CELL = 168;
const GAP = 6;
const HEADER = 40;

/** DOM id of the grid (the target of "Skip to photos"). */
export const GRID_ID = 'photos';

/** Props of the grid. */
export interface PhotoGridProps {
  query: PhotoQuery;
  buckets: Bucket[];
  version: number;
  selection: Selection;
}

/** Measures the width of an element. */
function useWidth(ref: React.RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(800);
  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/** Per-photo thumbnail versions, bumped when main says a thumbnail is ready. */
function useThumbVersions(): Map<number, number> {
  const [versions, setVersions] = useState(() => new Map<number, number>());
  useLightboxEvent('thumbs:ready', ({ ids }) => {
    setVersions((prev) => {
      const next = new Map(prev);
      for (const id of ids) next.set(id, (next.get(id) ?? 0) + 1);
      return next;
    });
  });
  return versions;
}

/** The virtualized grid. */
export function PhotoGrid({ query, buckets, version, selection }: PhotoGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const width = useWidth(scroller);
  const inner = Math.max(200, width - 24);
  const columns = Math.max(1, Math.floor((inner + GAP) / (TARGET_CELL + GAP)));
  const cell = Math.floor((inner - GAP * (columns - 1)) / columns);
  const rows = useMemo(() => buildRows(buckets, columns), [buckets, columns]);
  const pages = usePhotoPages(query, version);
  const thumbVersions = useThumbVersions();

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: (i) => (rows[i]?.kind === 'header' ? HEADER : cell + GAP),
    overscan: 4,
  });
  useEffect(() => virtualizer.measure(), [cell, virtualizer]);

  const items = virtualizer.getVirtualItems();
  const firstRow = rows[items[0]?.index ?? 0];
  const lastRow = rows[items[items.length - 1]?.index ?? 0];
  const firstOffset = firstRow?.kind === 'cells' ? firstRow.first : 0;
  const lastOffset = lastRow?.kind === 'cells' ? lastRow.first + lastRow.count - 1 : firstOffset + columns;
  useEffect(() => pages.ensure(firstOffset, lastOffset), [pages, firstOffset, lastOffset]);

  const onPick = useCallback(
    (index: number, e: React.MouseEvent) => {
      // Note: Shift-click cancels mousedown (no text selection), which also keeps focus where it was;
      // the grid takes focus itself so arrow keys always continue from the clicked photo.
      scroller.current?.focus({ preventScroll: true });
      selection.click(index, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey });
    },
    [selection],
  );

  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  const leadPhoto = selection.lead === null ? undefined : pages.at(selection.lead);
  // Note: the row is scrolled to first (it may not be drawn yet); once its cell exists, the cell
  // itself is brought fully into view, so the focused photo is never half hidden at an edge.
  const reveal = useRef<number | null>(null);
  useEffect(() => {
    if (reveal.current === null) return;
    if (document.activeElement !== scroller.current) {
      reveal.current = null;
      return;
    }
    const photo = pages.at(reveal.current);
    const el = photo ? document.getElementById(cellId(photo.id)) : null;
    if (!el) return;
    reveal.current = null;
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  });
  const onKeyDown = (e: React.KeyboardEvent) => {
    const step: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -columns, ArrowDown: columns };
    const delta = step[e.key];
    if (delta === undefined || total === 0) return;
    e.preventDefault();
    const next = Math.min(total - 1, Math.max(0, (selection.lead ?? -delta) + delta));
    selection.click(next, { shift: e.shiftKey, toggle: false });
    const row = rowOfOffset(rows, next);
    if (row >= 0) virtualizer.scrollToIndex(row, { align: 'auto' });
    reveal.current = next;
  };

  if (buckets.length === 0) {
    const filtered = Object.values(query).some((v) => v !== undefined);
    return (
      <div className="grid-empty" ref={scroller} id={GRID_ID} tabIndex={-1}>
        {filtered ? <p>No photos in this view.</p> : <p>No photos here yet.</p>}
        <p className="muted">
          {filtered ? 'Choose another filter on the left.' : 'Add a folder on the left to begin.'}
        </p>
      </div>
    );
  }
  return (
    <div
      className="grid-scroller"
      id={GRID_ID}
      ref={scroller}
      role="listbox"
      aria-label="Photos"
      aria-multiselectable="true"
      aria-activedescendant={leadPhoto ? cellId(leadPhoto.id) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
        {items.map((item) => {
          const row = rows[item.index];
          if (!row) return null;
          const style = { transform: `translateY(${item.start}px)`, height: item.size };
          if (row.kind === 'header') {
            return (
              <div key={item.key} className="grid-header" style={style} role="presentation">
                <span className="grid-header-title">{formatBucket(row.key)}</span>
                <span className="muted">{plural(row.count, 'photo')}</span>
              </div>
            );
          }
          return (
            <div key={item.key} className="grid-row" style={{ ...style, gap: GAP }} role="presentation">
              {Array.from({ length: row.count }, (_, i) => {
                const offset = row.first + i;
                const photo = pages.at(offset);
                return (
                  <PhotoCell
                    key={offset}
                    photo={photo}
                    index={offset}
                    size={cell}
                    selected={photo ? selection.has(photo.id) : false}
                    lead={offset === selection.lead}
                    thumbVersion={photo ? (thumbVersions.get(photo.id) ?? 0) : 0}
                    onPick={onPick}
                  />
                );
              })}
            </div>
          );
        })}
      </div>
    </div>
  );
}
