/** The API key: write-only. Shows only whether a key is set; Replace and Remove. */
import { useEffect, useState } from 'react';
import type { KeyStatus } from '../../../../preload/contract';
import { lightbox, messageOf, unwrap } from '../../api/lightbox';

/** The key section of Settings. */
export function KeySection() {
  const [status, setStatus] = useState<KeyStatus | null>(null);
  const [editing, setEditing] = useState(false);
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(lightbox.secrets.status())
      .then(setStatus)
      .catch((e: unknown) => setError(messageOf(e)));
  }, []);
  const save = async () => {
    setError(null);
    try {
      setStatus(await unwrap(lightbox.secrets.setKey({ key })));
      setKey('');
      setEditing(false);
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const remove = async () => {
    try {
      setStatus(await unwrap(lightbox.secrets.clearKey()));
    } catch (e) {
      setError(messageOf(e));
    }
  };
  const showForm = editing || (status !== null && !status.hasKey);
  return (
    <section className="settings-section" aria-labelledby="key-heading">
      <h3 id="key-heading">memories.ai API key</h3>
      <p role="status" className={status?.hasKey ? 'ok' : 'muted'}>
        {status === null ? 'Checking…' : status.hasKey ? 'A key is set' : 'No key is set'}
      </p>
      {status?.message && <p className="muted small">{status.message}</p>}
      {status?.hasKey && !editing && (
        <div className="row">
          <button type="button" className="btn" onClick={() => setEditing(true)}>
            Replace key
          </button>
          <button type="button" className="btn danger" onClick={() => void remove()}>
            Remove key
          </button>
        </div>
      )}
      {showForm && (
        <form
          className="row"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <label htmlFor="api-key" className="sr-only">
            API key
          </label>
          <input
            id="api-key"
            type="password"
            autoComplete="off"
            value={key}
            placeholder="sk-mavi-…"
            onChange={(e) => setKey(e.target.value)}
          />
          <button type="submit" className="btn primary" disabled={key.trim().length < 8}>
            Save key
          </button>
          {editing && (
            <button type="button" className="btn" onClick={() => setEditing(false)}>
              Cancel
            </button>
          )}
        </form>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
