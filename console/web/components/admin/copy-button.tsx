// Copies a text to the clipboard and says "Copied" for a moment; when the browser refuses (no
// permission, not a secure context) it says so, and the text stays on screen to copy by hand.
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../i18n/index.js';

export function CopyButton(props: { text: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const timer = setTimeout(() => setState('idle'), 2500);
    return () => clearTimeout(timer);
  }, [state]);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(props.text);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span class="copy">
      <button type="button" class="button button-small" onClick={() => void copy()}>
        {props.label}
      </button>
      <span class="copy-status" role="status">
        {state === 'copied' ? t('admin.copied') : state === 'failed' ? t('admin.copyFailed') : ''}
      </span>
    </span>
  );
}
