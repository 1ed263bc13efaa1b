import { useCallback, useEffect, useState } from 'react';
import { ApiError } from './api';
import { useI18n } from './i18n';

export interface Loaded<T> {
  readonly data: T | null;
  readonly error: ApiError | Error | null;
  readonly reload: () => Promise<void>;
}

/** Loads once the inputs change, and again on `reload`; keeps the last data while reloading. */
export function useLoad<T>(load: () => Promise<T>, inputs: readonly unknown[]): Loaded<T> {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState<ApiError | Error | null>(null);
  const run = useCallback(load, inputs);
  const reload = useCallback(async () => {
    try {
      setData(await run());
      setError(null);
    } catch (failure) {
      setError(failure as Error);
    }
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, reload };
}

/** What a load is doing: an error with "try again" (worded by `describe`, else the error's own message), loading, or nothing. */
export function LoadState({ loaded, describe }: { loaded: Loaded<unknown>; describe?: (error: Error) => string }) {
  const { m, t } = useI18n();
  if (loaded.error) {
    return (
      <div className="error" role="alert">
        <p>{t(m.app.error, { detail: describe ? describe(loaded.error) : loaded.error.message })}</p>
        <button type="button" onClick={() => void loaded.reload()}>
          {m.app.retry}
        </button>
      </div>
    );
  }
  if (loaded.data === null) return <p role="status">{m.app.loading}</p>;
  return null;
}
