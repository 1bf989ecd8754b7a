import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';

/**
 * A page's filters kept in the URL query, so a search survives reload and can be shared. Reading gives the
 * current strings ('' when absent); `update` replaces the given keys and drops empty ones.
 */
export function useQueryState<K extends string>(keys: readonly K[]): {
  state: ComputedRef<Record<K, string>>;
  update: (changes: Partial<Record<K, string | number | undefined>>) => void;
} {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => {
    const out = {} as Record<K, string>;
    for (const k of keys) {
      const v = route.query[k];
      out[k] = typeof v === 'string' ? v : '';
    }
    return out;
  });
  function update(changes: Partial<Record<K, string | number | undefined>>): void {
    const query: Record<string, string> = {};
    for (const k of keys) {
      const v = k in changes ? changes[k] : state.value[k];
      if (v !== undefined && v !== '' && v !== 0) query[k] = String(v);
    }
    void router.replace({ query });
  }
  return { state, update };
}
