// The signed-in user's menu in the header, on every page: who is signed in, the language switch
// and "Sign out". A disclosure (button + panel): Escape or a click elsewhere closes it.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { UserView } from '../../../protocol/api/auth.js';
import { t } from '../i18n/index.js';
import { roleLabel } from '../i18n/labels.js';
import { signOut } from '../state/session.js';
import { LanguageSelect } from './language-select.js';
import { describeError } from './states.js';

export function UserMenu(props: { user: UserView }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onPointer = (event: PointerEvent) => {
      if (root.current && !root.current.contains(event.target as Node)) setOpen(false);
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      toggle.current?.focus();
    };
    document.addEventListener('pointerdown', onPointer);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onPointer);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const onSignOut = async () => {
    setError(null);
    try {
      await signOut();
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <div class="user-menu" ref={root}>
      <button
        ref={toggle}
        type="button"
        class="user-button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        aria-label={t('menu.label', { name: props.user.name })}
        onClick={() => setOpen(!open)}
      >
        <span class="avatar" aria-hidden="true">
          {props.user.name.slice(0, 1).toUpperCase()}
        </span>
        <span class="user-name">{props.user.name}</span>
        <span class="caret" aria-hidden="true" />
      </button>
      <div id="user-menu-panel" class="user-panel" hidden={!open}>
        <p class="user-panel-who">
          <span class="muted">{t('menu.signedInAs')}</span>
          <strong>{props.user.name}</strong>
          <span class="muted">{roleLabel(props.user)}</span>
        </p>
        <LanguageSelect />
        {error && (
          <p class="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="button" class="button button-wide" onClick={() => void onSignOut()}>
          {t('menu.signOut')}
        </button>
      </div>
    </div>
  );
}
