#!/usr/bin/env node
// The `lightbox` command: runs main/cli.ts through tsx, so no build step is needed before first use.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../main/cli.ts');
process.exitCode = await main(process.argv.slice(2));
