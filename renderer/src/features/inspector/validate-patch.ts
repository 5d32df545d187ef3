/** Checks an edit with the contract's own schema before it is sent, in words a photographer reads. */
import { DATETIME_PATTERN, isRealDateTime, photoPatchSchema } from '../../../../preload/contract';
import type { z } from 'zod';
import '../../lib/zod-setup';

/** An edit as the contract takes it. */
export type PatchInput = z.input<typeof photoPatchSchema>;

const FRIENDLY: Record<string, string> = {
  datetime_taken: 'Capture time must look like 2024-07-31 18:05:00 (yyyy-MM-dd HH:mm:ss)',
  camera_model: 'Camera model must be 1 to 200 characters',
  'location.latitude': 'Latitude must be a number from -90 to 90',
  'location.longitude': 'Longitude must be a number from -180 to 180',
  addTags: 'At most 50 tags per photo, each 1 to 200 characters',
  shiftSeconds: 'The shift must be a whole number of seconds within 100 years',
};

/** The parsed patch, or the first problem as a sentence. */
export function validatePatch(patch: PatchInput): { ok: true; patch: PatchInput } | { ok: false; message: string } {
  // Note: the schema refuses unreal dates too; this check first gives the more precise sentence.
  const time = patch.datetime_taken;
  if (typeof time === 'string' && DATETIME_PATTERN.test(time) && !isRealDateTime(time)) {
    return { ok: false, message: 'That capture time is not a real date and time' };
  }
  const parsed = photoPatchSchema.safeParse(patch);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue ? issue.path.map(String).join('.') : '';
    const top = key.split('.')[0] ?? '';
    return { ok: false, message: FRIENDLY[key] ?? FRIENDLY[top] ?? issue?.message ?? 'Invalid value' };
  }
  return { ok: true, patch };
}
