/** The main screen: top bar, sidebar, grid and inspector. */
import { useCallback, useEffect, useState } from 'react';
import type { AppInfo, PhotoQuery, SyncStatus } from '../../preload/contract';
import { lightbox, unwrap } from './api/lightbox';
import { GRID_ID, PhotoGrid } from './features/grid/photo-grid';
import { Sidebar } from './features/grid/sidebar';
import { Inspector } from './features/inspector/inspector';
import { SettingsDialog } from './features/settings/settings-dialog';
import { SyncDialog } from './features/sync/sync-dialog';
import { ProblemPanel } from './features/sync/problem-panel';
import { syncBusy } from './features/sync/sync-actions';
import { SyncProgress } from './features/sync/sync-progress';
import { useSyncStatus } from './features/sync/use-sync-status';
import { plural } from './lib/format';
import { useLibrary } from './state/use-library';
import { useSelection } from './state/use-selection';

/** True when the key event happens while typing in a field. */
function inField(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

/** Global shortcuts: Ctrl/Cmd-A selects all, Escape clears. */
function useShortcuts(selectAll: () => void, clear: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (inField(e.target) || document.querySelector('dialog[open]')) return;
      if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'a') {
        e.preventDefault();
        selectAll();
      } else if (e.key === 'Escape') {
        clear();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [selectAll, clear]);
}

/** The first Tab stop: jumps past the top bar and sidebar straight into the photo grid. */
function SkipToPhotos() {
  return (
    <a
      className="skip-link"
      href={`#${GRID_ID}`}
      onClick={(e) => {
        // Note: focus, not just scroll: the grid's arrow keys must work at once.
        e.preventDefault();
        document.getElementById(GRID_ID)?.focus();
      }}
    >
      Skip to photos
    </a>
  );
}

/** The top bar: title, counts, sync and settings. */
function TopBar(props: {
  total: number;
  selected: number;
  status: SyncStatus | null;
  onSync: () => void;
  onSettings: () => void;
}) {
  const busy = syncBusy(props.status?.phase);
  return (
    <header className="topbar">
      <h1 className="brand">Lightbox</h1>
      <span className="muted" aria-live="polite">
        {plural(props.total, 'photo')}
        {props.selected > 0 && ` · ${props.selected.toLocaleString('en-US')} selected`}
      </span>
      <div className="spacer" />
      <button type="button" className="btn primary" onClick={props.onSync} disabled={busy}>
        {props.selected > 0 ? 'Sync selected…' : 'Sync…'}
      </button>
      <button type="button" className="btn" onClick={props.onSettings}>
        Settings
      </button>
    </header>
  );
}

/** The app. */
export function App() {
  const [query, setQuery] = useState<PhotoQuery>({});
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [dialog, setDialog] = useState<'sync' | 'settings' | null>(null);
  const library = useLibrary(query);
  const selection = useSelection(library.ids);
  const [status, setStatus] = useSyncStatus();
  useShortcuts(selection.selectAll, selection.clear);
  useEffect(() => {
    unwrap(lightbox.app.info())
      .then(setInfo)
      .catch(() => undefined);
  }, []);
  const closeDialog = useCallback(() => setDialog(null), []);
  return (
    <div className="app">
      <SkipToPhotos />
      <TopBar
        total={library.ids.length}
        selected={selection.ids.length}
        status={status}
        onSync={() => setDialog('sync')}
        onSettings={() => setDialog('settings')}
      />
      {status && (
        <SyncProgress
          status={status}
          onStatus={setStatus}
          onShow={(state) => setQuery({ ...query, state })}
          onSettings={() => setDialog('settings')}
        />
      )}
      {library.error && (
        <p className="banner error" role="alert">
          {library.error}
        </p>
      )}
      <div className="panes">
        <Sidebar
          folders={library.folders}
          tags={library.tags}
          scans={library.scans}
          query={query}
          shell={info?.shell ?? 'electron'}
          onQuery={setQuery}
        />
        <main className="centre">
          {(query.state === 'failed' || query.state === 'uncertain') && (
            <ProblemPanel key={query.state} view={query.state} selected={selection.ids} version={library.version} />
          )}
          <PhotoGrid query={query} buckets={library.buckets} version={library.version} selection={selection} />
        </main>
        <Inspector ids={selection.ids} version={library.version} canReveal={info?.shell === 'electron'} />
      </div>
      <SyncDialog
        open={dialog === 'sync'}
        ids={selection.ids.length > 0 ? selection.ids : undefined}
        onClose={closeDialog}
        onStarted={setStatus}
      />
      <SettingsDialog open={dialog === 'settings'} onClose={closeDialog} />
    </div>
  );
}
