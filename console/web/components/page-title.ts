// Each page names itself in the tab title as well as in its heading. Set before the page is
// painted (a layout effect), so the title never lags behind the heading a reader already sees.
import { useLayoutEffect } from 'preact/hooks';
import { t } from '../i18n/index.js';

export function usePageTitle(title: string): void {
  useLayoutEffect(() => {
    document.title = t('app.title', { page: title });
  }, [title]);
}
