/** A TCP relay in front of a server that a test can cut (connections refused) and restore on the same port. */
import net from 'node:net';

/** A running relay. */
export interface SwitchableLink {
  url: string;
  /** Closes the listener and every open connection: new connections are refused. */
  cut(): Promise<void>;
  /** Listens again on the same port. */
  restore(): Promise<void>;
  close(): Promise<void>;
}

/** Starts a relay on 127.0.0.1 to `target` (`http://127.0.0.1:PORT`). */
export async function startSwitchableLink(target: string): Promise<SwitchableLink> {
  const to = new URL(target);
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    const upstream = net.connect(Number(to.port), to.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  await listen(0);
  const port = (server.address() as net.AddressInfo).port;
  const cut = () =>
    new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}`, cut, restore: () => listen(port), close: cut };
}
