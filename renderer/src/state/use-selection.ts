/** Grid selection: click, Shift-click range, Ctrl/Cmd-click toggle, select all, clear. */
import { useCallback, useMemo, useState } from 'react';

/** Modifier keys of a click. */
export interface ClickMods {
  shift: boolean;
  toggle: boolean;
}

/** The selection and its verbs. */
export interface Selection {
  ids: number[];
  /** Grid offset of the last clicked (or keyed-to) photo; null when none. */
  lead: number | null;
  has: (id: number) => boolean;
  click: (index: number, mods: ClickMods) => void;
  selectAll: () => void;
  clear: () => void;
}

/** Selection over `order` (the grid's ids in display order). */
export function useSelection(order: number[]): Selection {
  const [selected, setSelected] = useState<Set<number>>(() => new Set());
  const [anchor, setAnchor] = useState<number | null>(null);
  const [lead, setLead] = useState<number | null>(null);

  const click = useCallback(
    (index: number, mods: ClickMods) => {
      const id = order[index];
      if (id === undefined) return;
      setLead(index);
      if (mods.shift && anchor !== null) {
        const [a, b] = anchor < index ? [anchor, index] : [index, anchor];
        const range = order.slice(a, b + 1);
        setSelected((prev) => (mods.toggle ? new Set([...prev, ...range]) : new Set(range)));
        return;
      }
      setAnchor(index);
      if (mods.toggle) {
        setSelected((prev) => {
          const next = new Set(prev);
          if (next.has(id)) next.delete(id);
          else next.add(id);
          return next;
        });
      } else {
        setSelected(new Set([id]));
      }
    },
    [order, anchor],
  );

  const selectAll = useCallback(() => setSelected(new Set(order)), [order]);
  const clear = useCallback(() => {
    setSelected(new Set());
    setAnchor(null);
    setLead(null);
  }, []);

  // Note: keep only ids still in the query (a filter change or a removed folder).
  const ids = useMemo(() => {
    const present = new Set(order);
    return [...selected].filter((id) => present.has(id));
  }, [selected, order]);
  const has = useCallback((id: number) => selected.has(id), [selected]);
  return { ids, lead, has, click, selectAll, clear };
}
