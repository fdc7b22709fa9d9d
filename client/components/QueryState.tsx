/** Loading, error and empty states for a query, written once so every page shows them the same way. */
import type { ReactNode } from "react";
import { ApiError } from "../api/client";

/** The part of a react-query result this needs; also met by combined queries. */
export type QueryLike<T> = {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: T | undefined;
  refetch: () => unknown;
};

type Props<T> = {
  query: QueryLike<T>;
  /** What is loading, for screen readers: "Loading the categories…". */
  loadingLabel: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
};

/** The spinner and its spoken label, also the fallback while a lazily loaded page arrives. */
export function LoadingState({ label }: { label: string }) {
  return (
    <div className="state state-loading" role="status" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      {label}
    </div>
  );
}

export function QueryState<T>({ query, loadingLabel, isEmpty, empty, children }: Props<T>) {
  if (query.isError) {
    return <ErrorMessage error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.isPending || query.data === undefined) return <LoadingState label={loadingLabel} />;
  if (isEmpty?.(query.data)) {
    return <div className="state state-empty">{empty ?? "Nothing here yet."}</div>;
  }
  return <>{children(query.data)}</>;
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 404) return "We couldn't find that. It may have been moved or removed.";
    return error.message;
  }
  return "Something went wrong. Please try again.";
}

export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <p>{errorText(error)}</p>
      {onRetry && (
        <button type="button" className="button secondary" onClick={onRetry}>
          Try again
        </button>
      )}
    </div>
  );
}
