// "5 minutes ago", with the exact date and time on hover and for assistive technology.
import { t } from '../i18n/index.js';
import { formatDateTime, formatRelative } from '../i18n/time.js';

export function RelativeTime(props: { iso: string | null }) {
  if (props.iso === null) return <span class="muted">{t('common.never')}</span>;
  const absolute = formatDateTime(props.iso);
  return (
    <time dateTime={props.iso} title={absolute}>
      {formatRelative(props.iso)}
    </time>
  );
}
