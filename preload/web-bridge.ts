/**
 * `window.lightbox` for the web shell: the same verbs as the Electron preload, over fetch (calls)
 * and EventSource (events). Included only in the web build (vite.web.config.ts).
 */
import { buildVerbs, CHANNEL_NAMES, type ChannelName, type LightboxBridge, type Result } from './contract';
import type { EventMap, EventName } from './contract';

const TOKEN_KEY = 'lightbox.token';

/** Takes the token from `?token=` once, keeps it in sessionStorage and removes it from the URL bar. */
export function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/** Calls one channel over HTTP; network failures become an 'internal' Result. */
async function call(token: string, channel: ChannelName, request: unknown): Promise<Result<unknown>> {
  try {
    const response = await fetch(`/ipc/${channel}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-lightbox-token': token },
      body: JSON.stringify(request ?? {}),
    });
    if (response.status === 403) {
      return {
        ok: false,
        error: { code: 'forbidden', message: 'This page has no valid token; open the address the web shell printed.' },
      };
    }
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'internal', message: 'The web shell is not reachable.' } };
  }
}

/** Builds the bridge object. */
export function createWebBridge(token: string): LightboxBridge {
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;
  const ensureSource = (): EventSource => {
    source ??= new EventSource(`/events?token=${encodeURIComponent(token)}`);
    return source;
  };
  const on = <E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): (() => void) => {
    let set = listeners.get(event);
    if (!set) {
      const created = new Set<(payload: unknown) => void>();
      listeners.set(event, created);
      ensureSource().addEventListener(event, (message) => {
        const payload = JSON.parse((message as MessageEvent<string>).data) as unknown;
        for (const fn of created) fn(payload);
      });
      set = created;
    }
    const wrapped = listener as (payload: unknown) => void;
    set.add(wrapped);
    return () => set.delete(wrapped);
  };
  return { ...buildVerbs(CHANNEL_NAMES, (channel, request) => call(token, channel, request)), on };
}

declare global {
  interface Window {
    lightbox: LightboxBridge;
  }
}

window.lightbox = createWebBridge(takeToken());
