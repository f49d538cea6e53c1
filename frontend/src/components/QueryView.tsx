import { Skeleton } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyBox } from './EmptyState';
import { ErrorAlert } from './ErrorAlert';

/** The four states of a list page: failed (with retry), loading, empty, or the list itself. */
export function QueryView(props: {
  error: unknown;
  pending: boolean;
  empty: boolean;
  onRetry: () => void;
  emptyTitle: string;
  emptyHint?: string;
  emptyAction?: ReactNode;
  children: ReactNode;
}) {
  if (props.error) return <ErrorAlert error={props.error} onRetry={props.onRetry} />;
  if (props.pending) return <Skeleton height={200} radius="md" />;
  if (props.empty) return <EmptyBox title={props.emptyTitle} description={props.emptyHint} action={props.emptyAction} />;
  return <>{props.children}</>;
}
