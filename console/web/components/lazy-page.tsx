// A page whose code loads when it is first opened: the device, shell and recording pages (and
// what they import) stay out of the first bundle, so signing in and the fleet page load only
// what they show. While the code loads the page says so; if it cannot be fetched (the server
// was updated meanwhile, the network dropped) it says that, with a retry.
import type { ComponentType, JSX } from 'preact';
import { useEffect, useReducer } from 'preact/hooks';
import { t } from '../i18n/index.js';
import { Failed, Loading } from './states.js';

export function lazyPage<P extends object>(load: () => Promise<ComponentType<P>>): (props: P) => JSX.Element {
  let page: ComponentType<P> | null = null;
  let failure: unknown = null;
  let loading: Promise<void> | null = null;
  const start = () =>
    (loading ??= load().then(
      (loaded) => void (page = loaded),
      (error: unknown) => {
        failure = error;
        loading = null;
      },
    ));

  return function LazyPage(props: P) {
    const [, rerender] = useReducer((tick: number) => tick + 1, 0);
    useEffect(() => {
      if (page || failure) return;
      let mounted = true;
      void start().then(() => mounted && rerender(undefined));
      return () => {
        mounted = false;
      };
    });
    if (page) {
      const Page = page;
      return <Page {...props} />;
    }
    if (failure)
      return (
        <Failed
          title={t('app.pageLoadFailed')}
          error={failure}
          onRetry={() => {
            failure = null;
            rerender(undefined);
          }}
        />
      );
    return <Loading label={t('common.loading')} />;
  };
}
