// The window: providers, then which screen the state of the installation and the session call for —
// first-run setup, sign-in, a due password change (3.1.7), or the work areas.
import { Button, Center, Loader, MantineProvider, Stack } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import type { i18n as I18n } from 'i18next';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { ErrorValue } from './client/call-error.ts';
import type { Client } from './client/client.ts';
import { ClientProvider, useClient, useRouteQuery } from './client/context.tsx';
import { RefusalAlert } from './components/refusal-alert.tsx';
import { AuthFrame } from './components/auth-frame.tsx';
import { ChangePasswordScreen } from './screens/sign-in/change-password.tsx';
import { SignInScreen } from './screens/sign-in/sign-in.tsx';
import { SetupWizard } from './screens/setup/setup-wizard.tsx';
import { SessionContext, type SessionValue, type SignedIn } from './session/session.tsx';
import { canFrom } from './shell/access.ts';
import { Shell } from './shell/shell.tsx';
import { theme } from './theme.ts';

/** Narrower than the navigation bar (240 px) less the container's 16 px margin. */
const NOTIFICATION_WIDTH = 216;

export function App({ client, i18n }: { client: Client; i18n: I18n }) {
  const queries = useMemo(
    () =>
      new QueryClient({
        // A refusal is an answer, not a network blip: never retried behind the user's back.
        defaultOptions: { queries: { retry: false, refetchOnWindowFocus: false, staleTime: 10_000 }, mutations: { retry: false } },
      }),
    [],
  );
  return (
    <I18nextProvider i18n={i18n}>
      <MantineProvider theme={theme} defaultColorScheme="light">
        {/* Issue 7: notifications covered the Attach button and the log book's columns. Bottom left, no
            wider than the navigation, they lie over the role badges only, and close by themselves. */}
        <Notifications position="bottom-left" containerWidth={NOTIFICATION_WIDTH} limit={3} autoClose={4000} />
        <QueryClientProvider client={queries}>
          <ClientProvider client={client}>
            <Gate />
          </ClientProvider>
        </QueryClientProvider>
      </MantineProvider>
    </I18nextProvider>
  );
}

type Phase = { kind: 'loading' } | { kind: 'signed-out'; notice: ErrorValue | null } | { kind: 'signed-in'; session: SignedIn };

function Gate() {
  const { t } = useTranslation();
  const client = useClient();
  const queries = useQueryClient();
  const status = useRouteQuery('setup.status', {}, { staleTime: Infinity });
  const [phase, setPhase] = useState<Phase>({ kind: 'loading' });

  const signedOut = useCallback(
    (notice: ErrorValue | null) => {
      queries.removeQueries({ predicate: (query) => query.queryKey[0] !== 'setup.status' });
      setPhase({ kind: 'signed-out', notice });
    },
    [queries],
  );

  // Whatever screen is open, a session the core no longer honours sends the user back to sign in.
  useEffect(
    () =>
      client.onSessionProblem((error) => {
        if (error.code === 'password-change-required') {
          setPhase((current) =>
            current.kind === 'signed-in' ? { kind: 'signed-in', session: { ...current.session, password_change: current.session.password_change ?? 'expired' } } : current,
          );
        } else {
          signedOut(error);
        }
      }),
    [client, signedOut],
  );

  const initialized = status.data?.initialized;
  useEffect(() => {
    if (initialized !== true) return;
    let live = true;
    client
      .call('auth.me', {})
      .then((me) => live && setPhase(me ? { kind: 'signed-in', session: me } : { kind: 'signed-out', notice: null }))
      .catch(() => live && setPhase({ kind: 'signed-out', notice: null }));
    return () => {
      live = false;
    };
  }, [client, initialized]);

  const session = phase.kind === 'signed-in' ? phase.session : null;
  const signOut = useCallback(() => {
    void client
      .call('auth.sign-out', {})
      .catch(() => undefined)
      .finally(() => signedOut(null));
  }, [client, signedOut]);
  const sessionValue = useMemo<SessionValue | null>(
    () => (session ? { user: session.user, can: canFrom(session.may_call), screens: session.screens, signOut } : null),
    [session, signOut],
  );

  if (status.isPending) return <Waiting />;
  if (status.isError) {
    return (
      <AuthFrame>
        <Stack>
          <RefusalAlert error={status.error} />
          <Button onClick={() => void status.refetch()}>{t('common.retry')}</Button>
        </Stack>
      </AuthFrame>
    );
  }
  if (!status.data.initialized) {
    return (
      <SetupWizard
        onDone={(result) => {
          void status.refetch();
          setPhase({ kind: 'signed-in', session: result });
        }}
      />
    );
  }
  if (phase.kind === 'loading') return <Waiting />;
  if (phase.kind === 'signed-out') {
    return <SignInScreen institution={status.data.institution} notice={phase.notice} onSignedIn={(result) => setPhase({ kind: 'signed-in', session: result })} />;
  }
  if (!sessionValue) return <Waiting />;
  if (phase.session.password_change) {
    return (
      <SessionContext.Provider value={sessionValue}>
        <ChangePasswordScreen
          reason={phase.session.password_change}
          onChanged={(result) => setPhase({ kind: 'signed-in', session: result })}
        />
      </SessionContext.Provider>
    );
  }
  return (
    <SessionContext.Provider value={sessionValue}>
      <Shell />
    </SessionContext.Provider>
  );
}

function Waiting() {
  return (
    <Center h="100%">
      <Loader />
    </Center>
  );
}
