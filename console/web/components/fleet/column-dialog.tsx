// "Columns": which of the fleet table's columns show, in which order. Checkboxes and move up/down
// buttons (keyboard usable, unlike drag and drop); saved on the server, so the choice follows the
// user to another browser.
import { useState } from 'preact/hooks';
import { FLEET_COLUMNS, type FleetColumn } from '../../../../protocol/api/fleet.js';
import { t } from '../../i18n/index.js';
import { describeError } from '../states.js';
import { COLUMN_DEFS, DEFAULT_COLUMNS } from './fleet-columns.js';
import { Modal } from '../modal.js';

interface Entry {
  key: FleetColumn;
  shown: boolean;
}

const entriesFor = (columns: readonly FleetColumn[]): Entry[] => [
  ...columns.map((key) => ({ key, shown: true })),
  ...FLEET_COLUMNS.filter((key) => !columns.includes(key)).map((key) => ({ key, shown: false })),
];

export function ColumnDialog(props: {
  columns: readonly FleetColumn[];
  onSave: (columns: FleetColumn[]) => Promise<void>;
  onClose: () => void;
}) {
  const [entries, setEntries] = useState(() => entriesFor(props.columns));
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const move = (index: number, by: -1 | 1) =>
    setEntries((current) => {
      const next = current.slice();
      const [entry] = next.splice(index, 1);
      next.splice(index + by, 0, entry!);
      return next;
    });
  const toggle = (index: number) =>
    setEntries((current) => current.map((entry, at) => (at === index ? { ...entry, shown: !entry.shown } : entry)));

  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(null);
    try {
      await props.onSave(entries.filter((entry) => entry.shown).map((entry) => entry.key));
      props.onClose();
    } catch (failure) {
      setError(describeError(failure));
      setSaving(false);
    }
  };

  return (
    <Modal title={t('fleet.columnsTitle')} onClose={props.onClose}>
      <form onSubmit={(event) => void save(event)}>
        <p class="modal-text">{t('fleet.columnsHint')}</p>
        <ol class="column-list">
          {entries.map((entry, index) => {
            const label = t(COLUMN_DEFS[entry.key].label);
            return (
              <li key={entry.key} class="column-entry">
                <label class="column-check">
                  <input type="checkbox" checked={entry.shown} onChange={() => toggle(index)} />
                  {label}
                </label>
                <button
                  type="button"
                  class="button button-quiet button-small"
                  aria-label={t('fleet.moveUp', { column: label })}
                  disabled={index === 0}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  class="button button-quiet button-small"
                  aria-label={t('fleet.moveDown', { column: label })}
                  disabled={index === entries.length - 1}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
              </li>
            );
          })}
        </ol>
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <div class="modal-actions">
          <button type="button" class="button button-quiet" onClick={() => setEntries(entriesFor(DEFAULT_COLUMNS))}>
            {t('fleet.columnsReset')}
          </button>
          <button type="button" class="button button-quiet" onClick={props.onClose}>
            {t('fleet.cancel')}
          </button>
          <button type="submit" class="button button-primary" disabled={saving}>
            {t('fleet.columnsSave')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
