// The client for the component tree, and TanStack Query hooks keyed by route name so a mutation can
// refresh every list it touched.
import { useMutation, useQuery, useQueryClient, type UseQueryOptions } from '@tanstack/react-query';
import { createContext, useContext, type ReactNode } from 'react';
import type { RouteInput, RouteName, RouteOutput } from '../../db/contract/routes.ts';
import type { CallError } from './call-error.ts';
import type { Client } from './client.ts';

const ClientContext = createContext<Client | null>(null);

export function ClientProvider({ client, children }: { client: Client; children: ReactNode }) {
  return <ClientContext.Provider value={client}>{children}</ClientContext.Provider>;
}

export function useClient(): Client {
  const client = useContext(ClientContext);
  if (!client) throw new Error('useClient outside ClientProvider');
  return client;
}

type QueryOptions<K extends RouteName> = Omit<UseQueryOptions<RouteOutput<K>, CallError>, 'queryKey' | 'queryFn'>;

export function useRouteQuery<K extends RouteName>(route: K, input: RouteInput<K>, options?: QueryOptions<K>) {
  const { call } = useClient();
  return useQuery<RouteOutput<K>, CallError>({
    queryKey: [route, input],
    queryFn: () => call(route, input),
    ...options,
  });
}

/**
 * A route that changes something. On success the named lists and every history view are refetched:
 * each change is journaled at once (3.4.3), so history is always stale after one.
 */
export function useRouteMutation<K extends RouteName>(route: K, refresh: readonly RouteName[] = []) {
  const { call } = useClient();
  const queries = useQueryClient();
  return useMutation<RouteOutput<K>, CallError, RouteInput<K>>({
    mutationFn: (input) => call(route, input),
    onSuccess: async () => {
      await Promise.all([...refresh, 'history.entity'].map((key) => queries.invalidateQueries({ queryKey: [key] })));
    },
  });
}
