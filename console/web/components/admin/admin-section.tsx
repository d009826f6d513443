// The frame of every administration section: its heading with the section's main action, a line
// saying what it is for, and the loading, failed and empty states around what it shows. Dialogs
// the section opens come as children, after the content.
import type { ComponentChildren } from 'preact';
import { t } from '../../i18n/index.js';
import type { Loaded } from '../../state/load.js';
import { Empty, Failed, Loading } from '../states.js';

export function AdminSection<T>(props: {
  title: string;
  intro: string;
  action?: ComponentChildren;
  /** Between the intro and the content (filters). */
  toolbar?: ComponentChildren;
  state: Loaded<T>;
  reload: () => void;
  /** Shown instead of the content when the loaded list is empty. */
  empty?: string;
  content: (data: T) => ComponentChildren;
  children?: ComponentChildren;
}) {
  const { state } = props;
  const empty = state.kind === 'ready' && Array.isArray(state.data) && state.data.length === 0;
  return (
    <div class="admin-section">
      <div class="admin-section-head">
        <h2>{props.title}</h2>
        {props.action}
      </div>
      <p class="page-intro">{props.intro}</p>
      {props.toolbar}
      {state.kind === 'loading' && <Loading label={t('common.loading')} />}
      {state.kind === 'failed' && <Failed title={t('admin.loadFailed')} error={state.error} onRetry={props.reload} />}
      {state.kind === 'ready' && empty && props.empty && <Empty title={props.empty} />}
      {state.kind === 'ready' && !(empty && props.empty) && props.content(state.data)}
      {props.children}
    </div>
  );
}
