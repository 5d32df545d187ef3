/** Runs one IPC call at the trust boundary: schema parse, handler, Result wrapping. */
import { AppError, channels, type ChannelName, type Result } from '../../preload/contract';
import type { Handlers } from './handlers';

/** True when `name` is a channel of the contract. */
export function isChannelName(name: string): name is ChannelName {
  return Object.prototype.hasOwnProperty.call(channels, name);
}

/** Formats a zod issue list as one readable line. */
function describeIssues(issues: readonly { path: readonly PropertyKey[]; message: string }[]): string {
  return issues
    .map((issue) => (issue.path.length ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ');
}

/**
 * Parses `rawRequest` with the channel's schema, runs the handler and wraps the outcome as a Result.
 * Note: AppError messages reach the renderer; any other exception becomes a generic 'internal'
 * error (its stack is logged here in main, never sent across).
 */
export async function dispatch(handlers: Handlers, channel: string, rawRequest: unknown): Promise<Result<unknown>> {
  if (!isChannelName(channel)) {
    return { ok: false, error: { code: 'invalid-request', message: `Unknown channel: ${channel.slice(0, 100)}` } };
  }
  const parsed = channels[channel].request.safeParse(rawRequest ?? {});
  if (!parsed.success) {
    return { ok: false, error: { code: 'invalid-request', message: describeIssues(parsed.error.issues) } };
  }
  try {
    const handler = handlers[channel] as (request: unknown) => unknown;
    const value = await handler(parsed.data);
    return { ok: true, value: value ?? null };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message } };
    console.error(`[ipc] ${channel} failed:`, error);
    return { ok: false, error: { code: 'internal', message: `Something went wrong in ${channel}; see the app log.` } };
  }
}
