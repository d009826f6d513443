// What a page shows while it waits, when something failed, and when there is nothing to show.
import type { ComponentChildren } from 'preact';
import { ServerUnreachableError } from '../../../protocol/errors.js';
import { t } from '../i18n/index.js';

export function Loading(props: { label: string }) {
  return (
    <div class="state state-loading" role="status">
      <span class="spinner" aria-hidden="true" />
      <span>{props.label}</span>
    </div>
  );
}

/** A failure in words a person can act on: the server unreachable, or what the server said. */
export function describeError(error: unknown): string {
  if (error instanceof ServerUnreachableError) return t('error.unreachable');
  return t('error.server', { message: error instanceof Error ? error.message : String(error) });
}

export function Failed(props: { title: string; error: unknown; onRetry?: () => void }) {
  return (
    <div class="state state-error" role="alert">
      <p class="state-title">{props.title}</p>
      <p class="state-body">{describeError(props.error)}</p>
      {props.onRetry && (
        <button type="button" class="button" onClick={props.onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}

export function Empty(props: { title: string; children?: ComponentChildren }) {
  return (
    <div class="state state-empty">
      <p class="state-title">{props.title}</p>
      {props.children}
    </div>
  );
}
