/** Server-Sent Events: forwards every bus event to one browser tab. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { EVENT_NAMES } from '../../preload/contract';
import type { EventBus } from '../app/services';

/** Opens an SSE stream on `res` and keeps it until the tab goes away. */
export function openEventStream(events: EventBus, req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-store',
    connection: 'keep-alive',
  });
  res.write(': connected\n\n');
  const offs = EVENT_NAMES.map((name) =>
    events.on(name, (payload) => {
      res.write(`event: ${name}\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  // Note: a comment line every 20 s keeps proxies and idle timers from closing the stream.
  const keepAlive = setInterval(() => res.write(': ping\n\n'), 20_000);
  const close = (): void => {
    clearInterval(keepAlive);
    for (const off of offs) off();
  };
  req.on('close', close);
  res.on('close', close);
}
