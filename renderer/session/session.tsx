// Who is signed in, for every screen behind the sign-in. The session itself is held by the host.
import { createContext, useContext } from 'react';
import type { RouteOutput } from '../../db/contract/routes.ts';
import type { Can } from '../shell/access.ts';

export type SignedIn = RouteOutput<'auth.sign-in'>;
export type SessionUser = SignedIn['user'];

export interface SessionValue {
  user: SessionUser;
  /** Whether this session may call a route: the route table's answer, never a list of roles (issue 8). */
  can: Can;
  /** The work areas this session may open, in the core's order (db/areas.ts): never a list kept here. */
  screens: readonly string[];
  signOut(): void;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside a signed-in screen');
  return session;
}
