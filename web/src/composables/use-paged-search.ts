import { computed, onMounted, watch, type ComputedRef } from 'vue';
import { useQueryState } from '../query-state.ts';
import { useRequest, type RequestState } from '../use-request.ts';

/** The shape of every paged list the server answers: one page of rows and how many there are in all. */
export interface PagedAnswer {
  total: number;
  rows: unknown[];
}

/** What a paged DataTable takes from one request; bind it with `v-bind`. */
export interface PagedTableProps<Row> {
  rows: Row[];
  total: number;
  limit: number;
  offset: number;
  loading: boolean;
}

export function pagedTableProps<T extends PagedAnswer>(
  request: RequestState<T>,
  limit: () => number,
  offset: () => number,
): ComputedRef<PagedTableProps<T['rows'][number]>> {
  return computed(() => ({
    rows: request.data.value?.rows ?? [],
    total: request.data.value?.total ?? 0,
    limit: limit(),
    offset: offset(),
    loading: request.loading.value,
  }));
}

/**
 * A search page: its filters and page offset live in the URL query (so a search survives reload), and the list
 * is fetched again whenever they change. `search` applies new filters from the first page; `page` turns pages.
 */
export function usePagedSearch<K extends string, T extends PagedAnswer>(
  keys: readonly K[],
  limit: number,
  load: (query: Record<K, string>, page: { limit: number; offset: number }) => Promise<T>,
) {
  const { state, update } = useQueryState<K | 'offset'>([...keys, 'offset']);
  const offset = (): number => Number(state.value.offset) || 0;
  const request = useRequest(() => load(state.value, { limit, offset: offset() }));
  onMounted(request.run);
  watch(state, request.run);
  return {
    ...request,
    state,
    update,
    table: pagedTableProps(request, () => limit, offset),
    search: (filters: Partial<Record<K, string | undefined>>): void => update({ ...filters, offset: undefined }),
    // TypeScript cannot tell that `{ offset }` fits a mapped type over a key still generic here.
    page: (next: number): void => update({ offset: next } as Partial<Record<K | 'offset', number>>),
  };
}
