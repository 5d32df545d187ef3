/** Numbered schema migrations of the catalog; each runs once, in its own transaction. */

/** Migration n (1-based) is `MIGRATIONS[n - 1]`; never edit a shipped one, append a new one. */
export const MIGRATIONS: readonly string[] = [
  /* 1: folders, photos (file values, edits, sync state), settings-like key/values */ `
  CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL UNIQUE,
    added_at TEXT NOT NULL,
    last_scan_at TEXT
  );

  CREATE TABLE photos (
    id INTEGER PRIMARY KEY,
    folder_id INTEGER NOT NULL REFERENCES folders(id) ON DELETE CASCADE,
    path TEXT NOT NULL UNIQUE,
    rel_path TEXT NOT NULL,
    name TEXT NOT NULL,
    size INTEGER NOT NULL,
    mtime_ms INTEGER NOT NULL,
    format TEXT NOT NULL,
    mime TEXT,
    width INTEGER,
    height INTEGER,
    orientation INTEGER,
    content_hash TEXT,
    missing INTEGER NOT NULL DEFAULT 0,
    -- what the file says (JSON UploadFields + sources), refreshed by every scan
    file_fields TEXT NOT NULL,
    file_sources TEXT NOT NULL DEFAULT '{}',
    offset_time_original TEXT,
    sub_seconds TEXT,
    problems TEXT NOT NULL DEFAULT '[]',
    -- what the person changed; a *_set flag tells "edited to empty" from "not edited"
    edit_datetime TEXT,
    edit_datetime_set INTEGER NOT NULL DEFAULT 0,
    edit_camera TEXT,
    edit_camera_set INTEGER NOT NULL DEFAULT 0,
    edit_lat REAL,
    edit_lon REAL,
    edit_gps_set INTEGER NOT NULL DEFAULT 0,
    edit_tags_added TEXT NOT NULL DEFAULT '[]',
    edit_tags_removed TEXT NOT NULL DEFAULT '[]',
    excluded INTEGER NOT NULL DEFAULT 0,
    -- effective values kept for sorting and filtering
    taken_sort TEXT,
    -- sync
    sync_state TEXT NOT NULL DEFAULT 'not-uploaded',
    remote_id TEXT,
    sync_error TEXT,
    sync_retryable INTEGER,
    sent_fields TEXT,
    uploaded_at TEXT,
    sync_attempts INTEGER NOT NULL DEFAULT 0,
    sync_updated_at TEXT
  );
  CREATE INDEX photos_folder ON photos(folder_id);
  CREATE INDEX photos_taken ON photos(taken_sort DESC, id DESC);
  CREATE INDEX photos_state ON photos(sync_state);
  CREATE INDEX photos_hash ON photos(content_hash);

  -- effective tags, maintained with every scan and edit, for tag lists and filters
  CREATE TABLE photo_tags (
    photo_id INTEGER NOT NULL REFERENCES photos(id) ON DELETE CASCADE,
    tag TEXT NOT NULL,
    PRIMARY KEY (photo_id, tag)
  ) WITHOUT ROWID;
  CREATE INDEX photo_tags_tag ON photo_tags(tag);

  -- learned facts (e.g. the server's batch cap)
  CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  /* 2: whether the file itself can be uploaded as it is (the metadata reader's verdict) */ `
  ALTER TABLE photos ADD COLUMN file_uploadable INTEGER NOT NULL DEFAULT 1;
  `,
  /* 3: when the photo's XMP sidecar was last modified, so a rescan notices sidecar edits */ `
  ALTER TABLE photos ADD COLUMN sidecar_mtime_ms INTEGER;
  `,
  /* 4: facts about the file that are not problems (e.g. "RAW+JPEG pair"), shown but never counted */ `
  ALTER TABLE photos ADD COLUMN notes TEXT NOT NULL DEFAULT '[]';
  `,
  /* 5: sub-folders the last scan could not enter (unreadable, or links leading out), to show them */ `
  ALTER TABLE folders ADD COLUMN skipped TEXT NOT NULL DEFAULT '[]';
  `,
  /* 6: every upload's bytes and remote id, kept when its photo leaves the catalog (folder removed), so the same
     bytes added back are known as uploaded and not sent again */ `
  CREATE TABLE upload_history (
    content_hash TEXT PRIMARY KEY,
    remote_id TEXT NOT NULL,
    sent_fields TEXT,
    uploaded_at TEXT NOT NULL
  );
  INSERT OR IGNORE INTO upload_history (content_hash, remote_id, sent_fields, uploaded_at)
    SELECT content_hash, remote_id, sent_fields, COALESCE(uploaded_at, sync_updated_at, '1970-01-01T00:00:00.000Z')
    FROM photos
    WHERE sync_state = 'uploaded' AND content_hash IS NOT NULL AND remote_id IS NOT NULL
    ORDER BY uploaded_at, id;
  `,
];
