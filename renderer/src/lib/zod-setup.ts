/** Zod in the renderer. */
import { z } from 'zod';

// Note: zod's JIT compiles validators with `new Function`, which the page's CSP forbids.
z.config({ jitless: true });

export { z };
