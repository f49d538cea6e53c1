import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * Under a paged list: how many of how many are shown, and a button for the next page while there is one, so
 * that a list longer than a page never silently loses rows.
 */
export function LoadMore(props: {
  shown: number;
  total: number;
  hasMore: boolean;
  loading: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  if (!props.hasMore && props.shown >= props.total) return null;
  return (
    <Group justify="center" mt="md" gap="md">
      <Text size="sm" c="dimmed">
        {t('paging.shown', { shown: props.shown, total: props.total })}
      </Text>
      {props.hasMore ? (
        <Button variant="default" size="xs" onClick={props.onMore} loading={props.loading}>
          {t('paging.more')}
        </Button>
      ) : null}
    </Group>
  );
}

/** LoadMore for a list from usePagedList. */
export function LoadMoreOf(props: {
  list: {
    items: unknown[];
    total: number;
    query: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => Promise<unknown> };
  };
}) {
  const { list } = props;
  return (
    <LoadMore
      shown={list.items.length}
      total={list.total}
      hasMore={list.query.hasNextPage}
      loading={list.query.isFetchingNextPage}
      onMore={() => void list.query.fetchNextPage()}
    />
  );
}
