/** The channel map: every call the renderer can make, with its request schema and response type. */
import { z } from 'zod';
import { LIMITS, DATETIME_PATTERN, isRealDateTime, isSafeApiBase } from './fields';
import { SYNC_STATES } from './records';
import type {
  AppInfo,
  Bucket,
  FolderRecord,
  KeyStatus,
  PhotoDetail,
  PhotoSummary,
  Settings,
  SyncPlan,
  SyncStatus,
  TagCount,
} from './records';

const id = z.number().int().positive();
const ids = z.array(id).min(1).max(200_000);
const tag = z.string().trim().min(1).max(200);

/** A photo query as the renderer may send it. */
export const photoQuerySchema = z.strictObject({
  folderId: id.optional(),
  state: z.enum([...SYNC_STATES, 'problems', 'changed']).optional(),
  tag: tag.optional(),
  text: z.string().max(200).optional(),
});

/** One edit applied to one or many photos; absent keys are left alone, null clears an edit. */
export const photoPatchSchema = z.strictObject({
  datetime_taken: z
    .string()
    .regex(DATETIME_PATTERN, 'Capture time must look like 2024-07-31 18:05:00')
    .refine(isRealDateTime, 'That capture time is not a real date and time')
    .nullable()
    .optional(),
  /** Shift the effective capture time by this many seconds (a camera clock that was wrong). */
  shiftSeconds: z
    .number()
    .int()
    .min(-100 * 365 * 86400)
    .max(100 * 365 * 86400)
    .optional(),
  /** Set capture time from the file's modification date, as an explicit edit. */
  useFileDate: z.literal(true).optional(),
  camera_model: z.string().trim().min(1).max(LIMITS.maxCameraModelChars).nullable().optional(),
  location: z
    .strictObject({
      latitude: z.number().min(-90).max(90),
      longitude: z.number().min(-180).max(180),
    })
    .nullable()
    .optional(),
  /** Copy the effective location of this photo. */
  locationFrom: id.optional(),
  addTags: z.array(tag).max(LIMITS.maxTags).optional(),
  removeTags: z.array(tag).max(10_000).optional(),
  excluded: z.boolean().optional(),
  /** Drop the edit of these fields so the file's values apply again. */
  revert: z.array(z.enum(['datetime_taken', 'camera_model', 'location', 'tags'])).optional(),
});

/** A settings change; only these keys may be written by the renderer. */
export const settingsPatchSchema = z.strictObject({
  apiBase: z
    .url({ protocol: /^https?$/ })
    .refine(isSafeApiBase, 'The API address must use https (plain http only for 127.0.0.1 or localhost)')
    .optional(),
  uniqueId: z.string().trim().min(1).max(100).optional(),
  requestsPerSecond: z.number().min(0.01).max(20).optional(),
  autoSync: z.boolean().optional(),
  sendTimeAsUtc: z.boolean().optional(),
  convertUnsupported: z.boolean().optional(),
  thumbSize: z.number().int().min(64).max(1024).optional(),
});

const empty = z.strictObject({});

/** Declares one channel: its request schema and (as a type only) its response. */
function channel<Req extends z.ZodType, Res>(request: Req): { request: Req; response: Res } {
  return { request, response: undefined as Res };
}

/**
 * Every channel. The key is `<area>.<verb>`; the preload bridge exposes it as
 * `window.lightbox.<area>.<verb>(request)`.
 */
export const channels = {
  'app.info': channel<typeof empty, AppInfo>(empty),

  'folders.list': channel<typeof empty, FolderRecord[]>(empty),
  /** Without a path, main asks the person with the system folder picker; null when they cancel. */
  'folders.add': channel<z.ZodObject<{ path: z.ZodOptional<z.ZodString> }>, FolderRecord | null>(
    z.strictObject({ path: z.string().min(1).max(4096).optional() }),
  ),
  'folders.remove': channel<z.ZodObject<{ id: typeof id }>, void>(z.strictObject({ id })),
  'folders.rescan': channel<z.ZodObject<{ id: typeof id }>, void>(z.strictObject({ id })),

  'photos.buckets': channel<typeof photoQuerySchema, Bucket[]>(photoQuerySchema),
  'photos.page': channel<
    z.ZodObject<{
      query: typeof photoQuerySchema;
      offset: z.ZodNumber;
      limit: z.ZodNumber;
    }>,
    PhotoSummary[]
  >(
    z.strictObject({
      query: photoQuerySchema,
      offset: z.number().int().min(0),
      limit: z.number().int().min(1).max(2000),
    }),
  ),
  'photos.ids': channel<typeof photoQuerySchema, number[]>(photoQuerySchema),
  'photos.get': channel<z.ZodObject<{ id: typeof id }>, PhotoDetail>(z.strictObject({ id })),
  'photos.update': channel<
    z.ZodObject<{ ids: typeof ids; patch: typeof photoPatchSchema }>,
    { updated: number; problems: string[] }
  >(z.strictObject({ ids, patch: photoPatchSchema })),
  /** Shows the photo's file in the system file manager (Electron only). */
  'photos.reveal': channel<z.ZodObject<{ id: typeof id }>, void>(z.strictObject({ id })),

  'tags.list': channel<typeof empty, TagCount[]>(empty),

  'sync.plan': channel<z.ZodObject<{ ids: z.ZodOptional<typeof ids> }>, SyncPlan>(
    z.strictObject({ ids: ids.optional() }),
  ),
  'sync.start': channel<z.ZodObject<{ ids: z.ZodOptional<typeof ids> }>, SyncStatus>(
    z.strictObject({ ids: ids.optional() }),
  ),
  'sync.pause': channel<typeof empty, SyncStatus>(empty),
  'sync.resume': channel<typeof empty, SyncStatus>(empty),
  'sync.cancel': channel<typeof empty, SyncStatus>(empty),
  'sync.status': channel<typeof empty, SyncStatus>(empty),
  'sync.retryFailed': channel<typeof empty, { requeued: number }>(empty),
  /** The person decides what an uncertain upload was. */
  'sync.resolveUncertain': channel<
    z.ZodObject<{
      ids: typeof ids;
      action: z.ZodEnum<{ 'upload-again': 'upload-again'; 'mark-uploaded': 'mark-uploaded' }>;
    }>,
    { resolved: number }
  >(z.strictObject({ ids, action: z.enum(['upload-again', 'mark-uploaded']) })),
  /** A plain-text report of failed and uncertain photos. */
  'sync.report': channel<typeof empty, { text: string }>(empty),

  'settings.get': channel<typeof empty, Settings>(empty),
  'settings.set': channel<typeof settingsPatchSchema, Settings>(settingsPatchSchema),

  'secrets.status': channel<typeof empty, KeyStatus>(empty),
  'secrets.setKey': channel<z.ZodObject<{ key: z.ZodString }>, KeyStatus>(
    z.strictObject({ key: z.string().trim().min(8).max(500) }),
  ),
  'secrets.clearKey': channel<typeof empty, KeyStatus>(empty),
} as const;

/** Name of a channel. */
export type ChannelName = keyof typeof channels;
/** Parsed request of a channel. */
export type RequestOf<C extends ChannelName> = z.output<(typeof channels)[C]['request']>;
/** What the renderer passes for a channel (before parsing). */
export type RequestInputOf<C extends ChannelName> = z.input<(typeof channels)[C]['request']>;
/** Response value of a channel. */
export type ResponseOf<C extends ChannelName> = (typeof channels)[C]['response'];
/** Every channel name, for registration and tests. */
export const CHANNEL_NAMES = Object.keys(channels) as ChannelName[];
