/** Subscribes a component to one main-process event. */
import { useEffect, useRef } from 'react';
import type { EventMap, EventName } from '../../../preload/contract';
import { lightbox } from '../api/lightbox';

/** Calls `listener` for every `event` while the component is mounted. */
export function useLightboxEvent<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): void {
  const latest = useRef(listener);
  latest.current = listener;
  useEffect(() => lightbox.on(event, (payload) => latest.current(payload)), [event]);
}
