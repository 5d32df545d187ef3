/** Events main pushes to the renderer; coalesced, so the renderer re-fetches what it shows. */
import type { ScanProgress, SyncStatus } from './records';

/** Payload of each event. */
export interface EventMap {
  /** Photos or folders changed; `ids` empty means "anything may have changed". */
  'catalog:changed': { ids: number[] };
  'thumbs:ready': { ids: number[] };
  'scan:progress': ScanProgress;
  'sync:progress': SyncStatus;
}
/** Name of an event. */
export type EventName = keyof EventMap;
/** Every event name. */
export const EVENT_NAMES: EventName[] = ['catalog:changed', 'thumbs:ready', 'scan:progress', 'sync:progress'];
