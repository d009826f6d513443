// Each page names itself in the tab title as well as in its heading.
import { useEffect } from 'preact/hooks';
import { t } from '../i18n/index.js';

export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = t('app.title', { page: title });
  }, [title]);
}
