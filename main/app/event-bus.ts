/** The in-process event bus: coalesces id events so a scan of thousands of photos sends a few messages. */
import type { EventMap, EventName } from '../../preload/contract';
import type { EventBus } from './services';

type Listener<E extends EventName> = (payload: EventMap[E]) => void;
type IdEvent = 'catalog:changed' | 'thumbs:ready';

/** An event bus that can also be flushed at once (tests, a CLI that is about to exit). */
export interface FlushableEventBus extends EventBus {
  /** Delivers coalesced events now. */
  flush(): void;
}

/** Options of the bus. */
export interface EventBusOptions {
  /** How long id events are gathered before they go out (ms). */
  coalesceMs?: number;
}

/** Creates a bus that coalesces `catalog:changed` and `thumbs:ready` ids; progress events pass straight through. */
export function createEventBus(options: EventBusOptions = {}): FlushableEventBus {
  const coalesceMs = options.coalesceMs ?? 100;
  const listeners = new Map<EventName, Set<Listener<EventName>>>();
  // Note: `null` in a pending set means "anything may have changed" (an event with no ids).
  const pending = new Map<IdEvent, Set<number> | null>();
  let timer: NodeJS.Timeout | null = null;

  const deliver = <E extends EventName>(event: E, payload: EventMap[E]): void => {
    for (const listener of listeners.get(event) ?? []) {
      try {
        (listener as Listener<E>)(payload);
      } catch (error) {
        console.error(`event listener for ${event} failed:`, error);
      }
    }
  };

  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const batches = [...pending.entries()];
    pending.clear();
    for (const [event, ids] of batches) {
      deliver(event, { ids: ids ? [...ids].sort((a, b) => a - b) : [] });
    }
  };

  const gather = (event: IdEvent, ids: number[]): void => {
    const current = pending.get(event);
    if (current === null) return;
    if (ids.length === 0) pending.set(event, null);
    else pending.set(event, new Set([...(current ?? []), ...ids]));
    if (!timer) {
      timer = setTimeout(flush, coalesceMs);
      // Note: a pending event must not keep a CLI process alive.
      timer.unref();
    }
  };

  return {
    emit(event, payload) {
      if (event === 'catalog:changed' || event === 'thumbs:ready') {
        gather(event, (payload as EventMap[IdEvent]).ids);
      } else {
        deliver(event, payload);
      }
    },
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener as Listener<EventName>);
      return () => set.delete(listener as Listener<EventName>);
    },
    flush,
  };
}
