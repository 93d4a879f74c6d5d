import { useEffect, useState } from 'preact/hooks';
import type { Served } from '@/lib/store/fact-store';

export type ServedState<T> = { status: 'loading' } | { status: 'ready'; served: Served<T> } | { status: 'error' };

/**
 * What `load` answers, read when the component mounts and again whenever
 * `load` is a new function. The setter is handed back for a caller that
 * learns a newer answer another way (a rebuild). An answer that arrives
 * after unmount, or after a newer `load`, is dropped.
 */
export function useServed<T>(load: () => Promise<Served<T>>) {
  const [state, setState] = useState<ServedState<T>>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    load().then(
      (served) => live && setState({ status: 'ready', served }),
      () => live && setState({ status: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [load]);

  return [state, setState] as const;
}
