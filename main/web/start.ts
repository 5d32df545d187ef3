/** `npm run web`: starts the web shell and prints its address (token included) as the first line. */
import { resolveHome } from '../app/paths';
import { startWebShell } from './web-shell';

/** Runs the web shell until interrupted. */
export async function main(): Promise<void> {
  const port = process.env.PORT ? Number(process.env.PORT) : 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, got ${process.env.PORT}`);
  const shell = await startWebShell({ home: resolveHome(process.env), port, env: process.env });
  process.stdout.write(`Lightbox web shell: ${shell.url}\n`);
  console.log('The API key entered here is kept in memory only, for this run.');
  const stop = (): void => {
    shell.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
