import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation } from 'react-router';
import { isApiError } from '../api/client';
import { useMe } from '../api/queries';
import type { Role } from '../api/types';
import { CurrentUserContext, useCurrentUser } from '../lib/useCurrentUser';
import { hasRole } from '../lib/roles';
import { ErrorAlert } from './ErrorAlert';
import { PageHeader } from './PageHeader';

/** Renders children only for a signed-in user; otherwise goes to /login?next=... */
export function RequireAuth({ children }: { children: ReactNode }) {
  const me = useMe();
  const location = useLocation();
  const { t } = useTranslation();

  if (me.isPending) {
    return (
      <Center h="100vh" aria-busy="true">
        <Loader aria-label={t('common.loading')} />
      </Center>
    );
  }
  if (me.isError || !me.data) {
    if (!me.error || (isApiError(me.error) && me.error.status === 401)) {
      const next = location.pathname + location.search;
      return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
    }
    return (
      <Center h="100vh" p="md">
        <ErrorAlert error={me.error} onRetry={() => void me.refetch()} />
      </Center>
    );
  }
  return <CurrentUserContext.Provider value={me.data}>{children}</CurrentUserContext.Provider>;
}

/** Shows a "not allowed" page to users without one of the roles. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const user = useCurrentUser();
  const { t } = useTranslation();
  if (!hasRole(user, ...roles)) {
    return (
      <>
        <PageHeader title={t('errors.forbiddenTitle')} />
        <ErrorAlert message={t('errors.forbiddenPage')} />
      </>
    );
  }
  return <>{children}</>;
}
