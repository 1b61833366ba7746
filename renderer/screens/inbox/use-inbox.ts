// The inbox's answer, shared by the navigation and the inbox screen: asked again every minute and when
// the window comes back into focus, so a decision made elsewhere shows here soon after.
import { useRouteQuery } from '../../client/context.tsx';

export const INBOX_REFRESH_MS = 60_000;

export function useInbox(enabled = true) {
  return useRouteQuery('inbox.list', {}, { enabled, refetchInterval: INBOX_REFRESH_MS, refetchOnWindowFocus: true });
}
