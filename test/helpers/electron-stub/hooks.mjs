// Node module hooks: resolve the bare specifier 'electron' to the recording stand-in.
const STUB = new URL('./electron.mjs', import.meta.url).href;

/** Maps 'electron' (and 'electron/main') to the stand-in; everything else resolves as usual. */
export async function resolve(specifier, context, nextResolve) {
  if (specifier === 'electron' || specifier === 'electron/main') return { url: STUB, shortCircuit: true };
  return nextResolve(specifier, context);
}
