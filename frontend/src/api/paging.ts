// Every list endpoint pages the same way: ?limit= (1-500, 100 by default) and ?offset= choose the page; the
// answer carries the page's items, how many match in all (total) and where the next page starts (next_offset,
// absent on the last page).
import { useInfiniteQuery, type InfiniteData, type QueryKey } from '@tanstack/react-query';
import { useMemo } from 'react';
import { api } from './client';

export interface Page<T> {
  items: T[];
  total: number;
  next_offset: number | null;
}

/** The most a page may hold; lists that feed a picker ask for this many. */
export const MAX_PAGE = 500;

/** path with ?limit= and ?offset= added to its query string. */
export function pagePath(path: string, offset = 0, limit?: number): string {
  const q = new URLSearchParams();
  if (limit !== undefined) q.set('limit', String(limit));
  if (offset > 0) q.set('offset', String(offset));
  const qs = q.toString();
  return qs ? `${path}${path.includes('?') ? '&' : '?'}${qs}` : path;
}

/** One page of the list at path, from offset. */
export async function fetchPage<T>(
  path: string,
  offset = 0,
  opts: { limit?: number; signal?: AbortSignal } = {},
): Promise<Page<T>> {
  const r = await api<{ items?: T[] | null; total?: number; next_offset?: number | null }>(
    pagePath(path, offset, opts.limit),
    { signal: opts.signal },
  );
  const items = r.items ?? [];
  return { items, total: r.total ?? items.length, next_offset: r.next_offset ?? null };
}

/** Applies f to every item of every loaded page of a paged list held in the query cache. */
export function mapPages<T>(f: (item: T) => T) {
  return (old: InfiniteData<Page<T>, number> | undefined) =>
    old && { ...old, pages: old.pages.map((p) => ({ ...p, items: p.items.map(f) })) };
}

/**
 * A list read page by page: the items of the pages loaded so far, how many there are in all, and
 * fetchNextPage for the next page (hasNextPage says whether there is one).
 */
export function usePagedList<T>(opts: {
  queryKey: QueryKey;
  fetch: (offset: number, signal: AbortSignal) => Promise<Page<T>>;
  enabled?: boolean;
  refetchInterval?: number;
  keepPrevious?: boolean;
}) {
  const query = useInfiniteQuery({
    queryKey: opts.queryKey,
    queryFn: ({ pageParam, signal }) => opts.fetch(pageParam, signal),
    initialPageParam: 0,
    getNextPageParam: (last: Page<T>) => last.next_offset ?? undefined,
    enabled: opts.enabled,
    refetchInterval: opts.refetchInterval,
    placeholderData: opts.keepPrevious ? (prev) => prev : undefined,
  });
  const pages = query.data?.pages;
  const items = useMemo(() => pages?.flatMap((p) => p.items) ?? [], [pages]);
  const total = pages?.length ? pages[pages.length - 1].total : 0;
  return { query, items, total };
}
