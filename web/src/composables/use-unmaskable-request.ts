import { onMounted, ref, watch } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { useRequest } from '../use-request.ts';
import { can } from '../session.ts';

/**
 * A request for one person's page, which a user with the unmask permission may see unmasked. Coming from an
 * unmasked search keeps the view unmasked; the choice stays in the URL for reloads, and switching it fetches
 * again (the server records every unmasked view in the audit log).
 */
export function useUnmaskableRequest<T>(load: (unmask: 'true' | 'false') => Promise<T>) {
  const route = useRoute();
  const router = useRouter();
  const mayUnmask = can('person:unmask');
  const unmask = ref(mayUnmask && route.query.unmask === 'true');
  const request = useRequest(() => load(mayUnmask && unmask.value ? 'true' : 'false'));
  onMounted(request.run);
  watch(unmask, (on) => {
    void router.replace({ query: on ? { unmask: 'true' } : {} });
    void request.run();
  });
  return { ...request, mayUnmask, unmask };
}
