/**
 * Roving tabindex for a list of buttons: the whole list is one Tab stop, and arrow keys, Home and End
 * move the focus between its buttons (WAI-ARIA practice for composite widgets).
 */
import { useState } from 'react';

/** Keys that move, as a function of the focused index and the count. */
const MOVES: Record<string, (at: number, count: number) => number> = {
  ArrowDown: (at, count) => Math.min(count - 1, at + 1),
  ArrowUp: (at) => Math.max(0, at - 1),
  Home: () => 0,
  End: (_at, count) => count - 1,
};

/** What a list element and its buttons get. */
export interface RovingFocus {
  /** Spread on the element that holds the buttons. */
  listProps: {
    onKeyDown: (e: React.KeyboardEvent<HTMLElement>) => void;
    onFocus: (e: React.FocusEvent<HTMLElement>) => void;
  };
  /** The tabIndex of the button at `index`: 0 for the list's one stop, -1 for the others. */
  tabIndexOf: (index: number) => 0 | -1;
}

function buttonsOf(list: HTMLElement): HTMLButtonElement[] {
  return [...list.querySelectorAll<HTMLButtonElement>('button')];
}

/** Roving focus over `count` buttons; the stop starts at `current` (the chosen one), else the first. */
export function useRovingFocus(count: number, current: number): RovingFocus {
  const [last, setLast] = useState<number | null>(null);
  const stop = Math.min(count - 1, Math.max(0, last ?? current));
  return {
    listProps: {
      onKeyDown: (e) => {
        const move = MOVES[e.key];
        const buttons = buttonsOf(e.currentTarget);
        const at = buttons.indexOf(e.target as HTMLButtonElement);
        if (!move || at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
        e.preventDefault();
        buttons[move(at, buttons.length)]?.focus();
      },
      onFocus: (e) => {
        const at = buttonsOf(e.currentTarget).indexOf(e.target as HTMLButtonElement);
        if (at >= 0) setLast(at);
      },
    },
    tabIndexOf: (index) => (index === stop ? 0 : -1),
  };
}
