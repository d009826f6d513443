// The bar that appears while devices are selected: how many, and the actions the user's role may
// start on them. Each action opens its confirmation dialog.
import { t, type MessageKey } from '../../i18n/index.js';
import type { BulkKind } from '../../state/fleet-bulk.js';

const LABELS: Record<BulkKind, MessageKey> = {
  run: 'fleet.bulkRun',
  move: 'fleet.bulkMove',
  addTag: 'fleet.bulkAddTag',
  removeTag: 'fleet.bulkRemoveTag',
  approve: 'fleet.bulkApprove',
  revoke: 'fleet.bulkRevoke',
};

export function BulkBar(props: {
  count: number;
  kinds: readonly BulkKind[];
  onAction: (kind: BulkKind) => void;
  onClear: () => void;
}) {
  return (
    <div class="bulk-bar" role="toolbar" aria-label={t('fleet.bulkLabel')}>
      <p class="bulk-count" role="status">
        {t('fleet.selected', { count: props.count })}
      </p>
      {props.kinds.map((kind) => (
        <button
          key={kind}
          type="button"
          class={`button ${kind === 'revoke' ? 'button-danger' : 'button-quiet'}`}
          onClick={() => props.onAction(kind)}
        >
          {t(LABELS[kind])}
        </button>
      ))}
      <button type="button" class="button button-quiet" onClick={props.onClear}>
        {t('fleet.clearSelection')}
      </button>
    </div>
  );
}
