/** The shape of `window.lightbox`, built from the channel map: `lightbox.<area>.<verb>(request)`. */
import type { ChannelName, RequestInputOf, ResponseOf } from './channels';
import type { Result } from './errors';
import type { EventMap, EventName } from './events';

type AreaOf<C extends string> = C extends `${infer A}.${string}` ? A : never;
type VerbOf<C extends string, A extends string> = C extends `${A}.${infer V}` ? V : never;

/** A verb: takes one request object (optional when it may be empty) and resolves to a Result. */
export type Verb<C extends ChannelName> =
  {} extends RequestInputOf<C>
    ? (request?: RequestInputOf<C>) => Promise<Result<ResponseOf<C>>>
    : (request: RequestInputOf<C>) => Promise<Result<ResponseOf<C>>>;

/** The verbs of every area. */
export type LightboxVerbs = {
  [A in AreaOf<ChannelName>]: { [V in VerbOf<ChannelName, A>]: Verb<`${A}.${V}` & ChannelName> };
};

/** What the bridge exposes: the verbs plus event subscription. */
export interface LightboxBridge extends LightboxVerbs {
  /** Subscribes to an event; returns the unsubscribe function. */
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
}

/** Splits `area.verb` into its parts. */
export function splitChannel(name: ChannelName): [string, string] {
  const dot = name.indexOf('.');
  return [name.slice(0, dot), name.slice(dot + 1)];
}

/** Builds the verb tree from one generic caller (used by the preload bridge and the web bridge). */
export function buildVerbs(
  names: readonly ChannelName[],
  call: (channel: ChannelName, request: unknown) => Promise<Result<unknown>>,
): LightboxVerbs {
  const tree: Record<string, Record<string, (request?: unknown) => Promise<Result<unknown>>>> = {};
  for (const name of names) {
    const [area, verb] = splitChannel(name);
    (tree[area] ??= {})[verb] = (request?: unknown) => call(name, request ?? {});
  }
  return tree as unknown as LightboxVerbs;
}
