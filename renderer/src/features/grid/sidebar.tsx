/** Left sidebar: folders with counts and scan progress, filters and tags. */
import { useState } from 'react';
import type { FolderRecord, PhotoQuery, ScanProgress, TagCount } from '../../../../preload/contract';
import { lightbox, messageOf, unwrap } from '../../api/lightbox';
import { FILTERS } from './filters';
import { useRovingFocus } from './roving-focus';

/** Props of the sidebar. */
export interface SidebarProps {
  folders: FolderRecord[];
  tags: TagCount[];
  scans: Record<number, ScanProgress>;
  query: PhotoQuery;
  shell: 'electron' | 'web';
  onQuery: (query: PhotoQuery) => void;
}

/** One folder line with its count, problems and scan progress. */
function FolderItem({
  folder,
  scan,
  active,
  onPick,
}: {
  folder: FolderRecord;
  scan: ScanProgress | undefined;
  active: boolean;
  onPick: () => void;
}) {
  const scanning = folder.scanning || (scan !== undefined && !scan.finished);
  return (
    <li>
      <button
        type="button"
        className={`side-item${active ? ' active' : ''}`}
        aria-pressed={active}
        onClick={onPick}
        title={folder.path}
      >
        <span className="side-label">{folder.name}</span>
        <span className="count" aria-label={`${folder.photoCount} photos`}>
          {folder.photoCount.toLocaleString('en-US')}
        </span>
      </button>
      {scanning && (
        <div className="scan-line" role="status">
          Scanning… {scan ? `${scan.done} / ${scan.found}` : ''}
          <progress max={scan?.found || 1} value={scan?.done ?? 0} aria-label={`Scan of ${folder.name}`} />
        </div>
      )}
      {folder.problemCount > 0 && <div className="folder-problems">⚠ {folder.problemCount} with problems</div>}
      {folder.skipped.length > 0 && (
        <div className="folder-problems" title={folder.skipped.join('\n')}>
          ⚠ {folder.skipped.length} {folder.skipped.length === 1 ? 'sub-folder' : 'sub-folders'} not scanned
          (unreadable, or a link leading out of the folder)
        </div>
      )}
    </li>
  );
}

/** The "Add folder…" control: system picker in Electron, a path field in the web shell. */
function AddFolder({ shell }: { shell: 'electron' | 'web' }) {
  const [open, setOpen] = useState(false);
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async (typed?: string) => {
    setError(null);
    try {
      const folder = await unwrap(lightbox.folders.add(typed ? { path: typed } : {}));
      if (folder === null && shell === 'web') setOpen(true);
      if (folder && typed) {
        setPath('');
        setOpen(false);
      }
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <div className="add-folder">
      <button type="button" className="btn" onClick={() => (shell === 'web' ? setOpen(!open) : void add())}>
        Add folder…
      </button>
      {open && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void add(path.trim());
          }}
        >
          <label htmlFor="folder-path">Folder path</label>
          <input
            id="folder-path"
            value={path}
            onChange={(e) => setPath(e.target.value)}
            placeholder="/home/me/Pictures"
            autoFocus
          />
          <button type="submit" className="btn primary" disabled={!path.trim()}>
            Add
          </button>
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

/** The sidebar. */
export function Sidebar({ folders, tags, scans, query, shell, onQuery }: SidebarProps) {
  const filterId = FILTERS.find((f) => f.state === query.state)?.id ?? 'all';
  // Note: filters and tags are one Tab stop each (arrow keys inside), so a long tag list does not
  // stand between the keyboard and the grid.
  const filterFocus = useRovingFocus(
    FILTERS.length,
    FILTERS.findIndex((f) => f.id === filterId),
  );
  const tagFocus = useRovingFocus(
    tags.length,
    tags.findIndex((t) => t.tag === query.tag),
  );
  return (
    <nav className="sidebar" aria-label="Library">
      <section aria-labelledby="folders-heading">
        <h2 id="folders-heading">Folders</h2>
        <ul>
          {folders.map((folder) => (
            <FolderItem
              key={folder.id}
              folder={folder}
              scan={scans[folder.id]}
              active={query.folderId === folder.id}
              onPick={() => onQuery({ ...query, folderId: query.folderId === folder.id ? undefined : folder.id })}
            />
          ))}
        </ul>
        <AddFolder shell={shell} />
      </section>
      <section aria-labelledby="filters-heading">
        <h2 id="filters-heading">Filters</h2>
        <ul {...filterFocus.listProps}>
          {FILTERS.map((f, i) => (
            <li key={f.id}>
              <button
                type="button"
                tabIndex={filterFocus.tabIndexOf(i)}
                className={`side-item${filterId === f.id ? ' active' : ''}`}
                aria-pressed={filterId === f.id}
                onClick={() => onQuery({ ...query, state: f.state })}
              >
                <span className="side-label">{f.label}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="tags-heading">
        <h2 id="tags-heading">Tags</h2>
        {tags.length === 0 && <p className="muted small">No tags yet</p>}
        <ul {...tagFocus.listProps}>
          {tags.map((t, i) => (
            <li key={t.tag}>
              <button
                type="button"
                tabIndex={tagFocus.tabIndexOf(i)}
                className={`side-item${query.tag === t.tag ? ' active' : ''}`}
                aria-pressed={query.tag === t.tag}
                onClick={() => onQuery({ ...query, tag: query.tag === t.tag ? undefined : t.tag })}
              >
                <span className="side-label">{t.tag}</span>
                <span className="count">{t.count.toLocaleString('en-US')}</span>
              </button>
            </li>
          ))}
        </ul>
      </section>
    </nav>
  );
}
