/** The `lightbox` command line: dispatches to one module per command in main/cli/. */
import { parseArgs } from 'node:util';
import { errorText, isBrokenPipe } from './cli/errors';

/** A command module: `run(args)` resolves to the exit status. */
type CommandModule = { run(args: string[]): Promise<number> };

// Note: commands load lazily so that `inspect` never opens the catalog or its native driver.
const COMMANDS: Record<string, { summary: string; load: () => Promise<CommandModule> }> = {
  inspect: {
    summary: 'inspect <file-or-folder>... [--json]   read metadata, no catalog writes',
    load: () => import('./cli/inspect'),
  },
  import: {
    summary: 'import <folder>...                      add folders to the catalog and scan them',
    load: () => import('./cli/import'),
  },
  edit: {
    summary: 'edit <path>... [options]                 edit tags, time, camera, location, exclusion',
    load: () => import('./cli/edit'),
  },
  list: {
    summary: 'list [--json]                            every catalog photo with its sync state',
    load: () => import('./cli/list'),
  },
  sync: {
    summary: 'sync                                     upload photos not yet uploaded',
    load: () => import('./cli/sync'),
  },
};

/** The usage text. */
export function usage(): string {
  const lines = Object.values(COMMANDS).map((c) => `  lightbox ${c.summary}`);
  return [
    'Usage: lightbox <command> [arguments]',
    '',
    'Commands:',
    ...lines,
    '',
    'Environment: LIGHTBOX_HOME, MEMORIES_API_KEY, MEMORIES_API_BASE, MEMORIES_UNIQUE_ID',
    "Run 'lightbox <command> --help' for a command's options.",
  ].join('\n');
}

/** Runs the command line; resolves to the exit status (2 for usage errors). */
export async function main(argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({
    args: argv.slice(0, 1),
    options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } },
    allowPositionals: true,
    strict: false,
  });
  if (values.help === true && positionals.length === 0) {
    process.stdout.write(`${usage()}\n`);
    return 0;
  }
  const name = positionals[0];
  if (!name) {
    process.stderr.write(`${usage()}\n`);
    return 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    process.stderr.write(`lightbox: unknown command "${name}"\n\n${usage()}\n`);
    return 2;
  }
  quietOnBrokenPipe();
  try {
    return await (await command.load()).run(argv.slice(1));
  } catch (error) {
    if (isBrokenPipe(error)) return 0;
    process.stderr.write(`${errorText(name, error)}\n`);
    return 1;
  }
}

/** Ends quietly with status 0 when the reader of stdout has gone (`lightbox list --json | head -1`). */
function quietOnBrokenPipe(): void {
  process.stdout.on('error', (error) => {
    // Note: whoever reads our output has stopped reading; there is no one left to tell.
    if (isBrokenPipe(error)) process.exit(0);
    throw error;
  });
}
