/** Settings: API key (write-only), API base, unique_id, pace, time as UTC, auto-sync. */
import { useEffect, useState } from 'react';
import { settingsPatchSchema, type Settings } from '../../../../preload/contract';
import { lightbox, messageOf, unwrap } from '../../api/lightbox';
import { Modal } from '../../components/modal';
import '../../lib/zod-setup';
import { KeySection } from './key-section';

/** Props of the dialog. */
export interface SettingsDialogProps {
  open: boolean;
  onClose: () => void;
}

/** The form of the plain settings. */
function SettingsForm({ initial, onSaved }: { initial: Settings; onSaved: () => void }) {
  const [draft, setDraft] = useState({ ...initial, requestsPerSecond: String(initial.requestsPerSecond) });
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const patch = { ...draft, requestsPerSecond: Number(draft.requestsPerSecond) };
    const parsed = settingsPatchSchema.safeParse(patch);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      setError(`${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`);
      return;
    }
    try {
      await unwrap(lightbox.settings.set(parsed.data));
      onSaved();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const text = (key: 'apiBase' | 'uniqueId' | 'requestsPerSecond', label: string) => (
    <div className="setting">
      <label htmlFor={`set-${key}`}>{label}</label>
      <input id={`set-${key}`} value={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.value })} />
    </div>
  );
  const check = (key: 'sendTimeAsUtc' | 'autoSync' | 'convertUnsupported', label: string) => (
    <label className="toggle">
      <input type="checkbox" checked={draft[key]} onChange={(e) => setDraft({ ...draft, [key]: e.target.checked })} />
      {label}
    </label>
  );
  return (
    <form
      className="settings-section"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>Upload</h3>
      {text('apiBase', 'API base address')}
      <p className="hint">Changing the address removes the saved key: enter it again for the new address.</p>
      {text('uniqueId', 'Library name (unique_id)')}
      {text('requestsPerSecond', 'Requests per second')}
      {check('sendTimeAsUtc', 'Send capture time as UTC when the photo’s time zone is known')}
      {check('convertUnsupported', 'Send HEIC, TIFF and over-20 MB photos as a JPEG copy (originals untouched)')}
      {check('autoSync', 'Auto-sync: when the network comes back, send queued photos without asking')}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <footer className="modal-actions">
        <button type="submit" className="btn primary">
          Save settings
        </button>
      </footer>
    </form>
  );
}

/** The dialog. */
export function SettingsDialog({ open, onClose }: SettingsDialogProps) {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    unwrap(lightbox.settings.get())
      .then(setSettings)
      .catch((e: unknown) => setError(messageOf(e)));
  }, [open]);
  return (
    <Modal title="Settings" open={open} onClose={onClose}>
      <KeySection />
      {settings && <SettingsForm key={JSON.stringify(settings)} initial={settings} onSaved={onClose} />}
      {error && <p className="error">{error}</p>}
    </Modal>
  );
}
