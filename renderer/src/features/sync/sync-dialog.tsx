/** The plan shown before anything is sent: photos, bytes, requests and what cannot go and why. */
import { useEffect, useState } from 'react';
import type { SyncPlan, SyncStatus } from '../../../../preload/contract';
import { lightbox, messageOf, unwrap } from '../../api/lightbox';
import { Modal } from '../../components/modal';
import { formatBytes, plural } from '../../lib/format';

/** Props of the dialog. */
export interface SyncDialogProps {
  open: boolean;
  /** Sync only these photos (the selection), or everything when undefined. */
  ids: number[] | undefined;
  onClose: () => void;
  onStarted: (status: SyncStatus) => void;
}

/** The plan's numbers. */
function PlanFacts({ plan }: { plan: SyncPlan }) {
  return (
    <dl className="facts plan">
      <dt>Photos to send</dt>
      <dd>{plan.photos}</dd>
      <dt>Size</dt>
      <dd>{formatBytes(plan.bytes)}</dd>
      <dt>Requests</dt>
      <dd>{plan.requests}</dd>
      <dt>Already uploaded</dt>
      <dd>{plan.alreadyUploaded}</dd>
      <dt>Excluded</dt>
      <dd>{plan.excluded}</dd>
      {plan.uncertain > 0 && (
        <>
          <dt>Uncertain (not resent)</dt>
          <dd>{plan.uncertain}</dd>
        </>
      )}
      {plan.timeAsRecorded > 0 && (
        <>
          <dt>Time zone unknown</dt>
          <dd>{plan.timeAsRecorded} (capture time sent as recorded, not as UTC)</dd>
        </>
      )}
    </dl>
  );
}

/** The dialog. */
export function SyncDialog({ open, ids, onClose, onStarted }: SyncDialogProps) {
  const [plan, setPlan] = useState<SyncPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!open) return;
    setPlan(null);
    setError(null);
    unwrap(lightbox.sync.plan(ids ? { ids } : {}))
      .then(setPlan)
      .catch((e: unknown) => setError(messageOf(e)));
  }, [open, ids]);
  const start = async () => {
    try {
      onStarted(await unwrap(lightbox.sync.start(ids ? { ids } : {})));
      onClose();
    } catch (e) {
      setError(messageOf(e));
    }
  };
  return (
    <Modal
      title={ids ? `Sync ${plural(ids.length, 'selected photo')}` : 'Sync to memories.ai'}
      open={open}
      onClose={onClose}
    >
      {!plan && !error && <p>Planning…</p>}
      {plan && <PlanFacts plan={plan} />}
      {plan && plan.blocked.length > 0 && (
        <section aria-labelledby="blocked-heading">
          <h3 id="blocked-heading">Cannot be sent ({plan.blocked.length})</h3>
          <ul className="blocked">
            {plan.blocked.map((b) => (
              <li key={b.id}>
                <span className="blocked-name">{b.name}</span> <span className="muted">{b.reason}</span>
              </li>
            ))}
          </ul>
        </section>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <footer className="modal-actions">
        <button type="button" className="btn" onClick={onClose}>
          Close
        </button>
        <button
          type="button"
          className="btn primary"
          disabled={!plan || plan.photos === 0}
          onClick={() => void start()}
        >
          Start sync
        </button>
      </footer>
    </Modal>
  );
}
