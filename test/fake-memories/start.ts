/**
 * `npm run fake-api`: runs the fake memories.ai server until interrupted.
 * Env: PORT (default 8787), FAKE_API_KEY (the only key accepted; when unset ANY key starting with `sk-`
 * is accepted), FAKE_BATCH_CAP (default 10), FAKE_RATE (requests per second per account, default none).
 * Prints one line per stored upload, `stored <id> <file name> <fields json>`, so ids can be compared digit for digit.
 */
import { startFakeMemories, type StoredUpload } from './server';

/** The line printed for one stored upload: the id exactly as the server answered it. */
function storedLine(u: StoredUpload): string {
  return `stored ${u.id} ${u.fileName} ${JSON.stringify(u.fields)}`;
}

const port = Number(process.env.PORT ?? 8787);
const key = process.env.FAKE_API_KEY;
const rate = process.env.FAKE_RATE ? Number(process.env.FAKE_RATE) : undefined;
const fake = await startFakeMemories({
  port,
  ...(key ? { keys: [key] } : {}),
  batchCap: Number(process.env.FAKE_BATCH_CAP ?? 10),
  ...(rate ? { rateLimit: { requests: rate, perMs: 1000 } } : {}),
});
console.log(`Fake memories.ai: ${fake.url}`);
console.log(
  key
    ? 'Accepting only the key in FAKE_API_KEY.'
    : 'FAKE_API_KEY is not set: accepting ANY key that starts with "sk-".',
);
fake.state.onStored = (stored) => {
  for (const u of stored) console.log(storedLine(u));
};
const stop = (): void => {
  console.log(`Stored ${fake.state.uploads.length} uploads in ${fake.state.requests.length} requests.`);
  void fake.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
