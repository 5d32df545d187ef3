/** What the catalog commands share: the home folder, the open catalog and an event bus. */
import { openCatalog, type Catalog } from '../catalog/catalog';
import { createEventBus, type FlushableEventBus } from '../app/event-bus';
import { catalogFile, resolveHome } from '../app/paths';
import { catalogOpenError } from './errors';

/** An open command-line session over the catalog in `LIGHTBOX_HOME`. */
export interface CliContext {
  home: string;
  catalog: Catalog;
  events: FlushableEventBus;
  close(): void;
}

/** Opens the catalog of the home folder (`LIGHTBOX_HOME`, else the app's data folder). */
export function openCliContext(env: NodeJS.ProcessEnv = process.env): CliContext {
  const home = resolveHome(env);
  let catalog: Catalog;
  try {
    catalog = openCatalog(catalogFile(home));
  } catch (error) {
    throw catalogOpenError(home, error);
  }
  const events = createEventBus();
  return {
    home,
    catalog,
    events,
    close() {
      events.flush();
      catalog.close();
    },
  };
}

/** Runs a command body with an open context, closing it afterwards. */
export async function withCliContext(body: (ctx: CliContext) => Promise<number>): Promise<number> {
  const ctx = openCliContext();
  try {
    return await body(ctx);
  } finally {
    ctx.close();
  }
}
