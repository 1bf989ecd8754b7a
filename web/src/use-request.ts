import { ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import { toApiError, type ApiError } from './api.ts';

export interface RequestState<T> {
  data: ShallowRef<T | null>;
  error: ShallowRef<ApiError | null>;
  loading: Ref<boolean>;
  run: () => Promise<void>;
}

/** One page request: its data, error and loading flag. Only the latest run's answer lands, so fast filter
 * changes never show an older result over a newer one. */
export function useRequest<T>(load: () => Promise<T>): RequestState<T> {
  const data = shallowRef<T | null>(null);
  const error = shallowRef<ApiError | null>(null);
  const loading = ref(false);
  let latest = 0;
  async function run(): Promise<void> {
    const mine = ++latest;
    loading.value = true;
    error.value = null;
    try {
      const result = await load();
      if (mine === latest) data.value = result;
    } catch (e) {
      if (mine === latest) error.value = toApiError(e);
    } finally {
      if (mine === latest) loading.value = false;
    }
  }
  return { data, error, loading, run };
}
