// Data a page loads from the API: loading, ready or failed, with a reload. An answer that arrives
// after the page moved on (another device, a newer reload) is dropped.
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Loaded<T> =
  | { kind: 'loading' }
  /** `reloading`: a reload is in flight; the data shown stays until it answers (a button can wait for it). */
  | { kind: 'ready'; data: T; reloading: boolean }
  | { kind: 'failed'; error: unknown };

export function useLoad<T>(
  load: () => Promise<T>,
  inputs: readonly unknown[],
): { state: Loaded<T>; reload: () => void; update: (change: (data: T) => T) => void } {
  const [state, setState] = useState<Loaded<T>>({ kind: 'loading' });
  const generation = useRef(0);
  const run = useCallback(() => {
    const mine = ++generation.current;
    setState((previous) => (previous.kind === 'ready' ? { ...previous, reloading: true } : { kind: 'loading' }));
    load().then(
      (data) => mine === generation.current && setState({ kind: 'ready', data, reloading: false }),
      (error: unknown) => mine === generation.current && setState({ kind: 'failed', error }),
    );
    // The caller's inputs decide when to load again, as a dependency list does for useEffect.
  }, inputs);
  useEffect(() => {
    setState({ kind: 'loading' });
    run();
    return () => {
      generation.current++;
    };
  }, [run]);
  /** Changes the data shown in place (a live event said what changed), without loading again. */
  const update = useCallback(
    (change: (data: T) => T) =>
      setState((previous) => (previous.kind === 'ready' ? { ...previous, data: change(previous.data) } : previous)),
    [],
  );
  return { state, reload: run, update };
}
