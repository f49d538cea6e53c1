import { Anchor, Button, PasswordInput, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCircleCheck, IconLinkOff } from '@tabler/icons-react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../api/client';
import { acceptInvite, getInvite } from '../api/public';
import { ErrorAlert } from '../components/ErrorAlert';
import { PublicCard, PublicMessage } from '../components/PublicLayout';
import { useCandidateLanguage } from '../lib/useCandidateLanguage';
import { usePageTitle } from '../lib/usePageTitle';

const MIN = 10;

/** The page a new hire opens from their invitation: they choose their password, once, then sign in. */
export function WelcomePage() {
  const { token = '' } = useParams();
  const { t } = useTranslation();
  usePageTitle(t('welcome.title'));
  const q = useQuery({ queryKey: ['public', 'invite', token], queryFn: () => getInvite(token), retry: false, staleTime: Infinity });
  useCandidateLanguage(q.data?.locale, token);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const save = useMutation({ mutationFn: () => acceptInvite(token, password) });

  if (q.isPending) return <Skeleton height={240} radius="lg" />;
  if (q.isError) {
    const used = isApiError(q.error) && q.error.status === 409;
    return (
      <PublicMessage icon={<IconLinkOff size={28} />} color={used ? 'orange' : 'red'} title={t(used ? 'welcome.expired' : 'welcome.invalid')}>
        <Text>{t('welcome.askAgain')}</Text>
      </PublicMessage>
    );
  }
  if (save.isSuccess) {
    return (
      <PublicMessage icon={<IconCircleCheck size={28} />} color="green" title={t('welcome.done')} testId="welcome-done">
        <Text>
          {t('welcome.signInAs', { email: q.data.email })}{' '}
          <Anchor component={Link} to="/login">
            {t('welcome.signIn')}
          </Anchor>
        </Text>
      </PublicMessage>
    );
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (password.length < MIN) return setError(t('welcome.tooShort', { count: MIN }));
    if (password !== repeat) return setError(t('welcome.mismatch'));
    setError(null);
    save.mutate();
  };
  return (
    <PublicCard>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Title order={1} size="h2">
            {t('welcome.hello', { name: q.data.name })}
          </Title>
          <Text>{t('welcome.intro', { email: q.data.email })}</Text>
          <PasswordInput
            label={t('welcome.password')}
            description={t('welcome.passwordHint', { count: MIN })}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={error && password.length < MIN ? error : undefined}
            autoComplete="new-password"
            required
          />
          <PasswordInput
            label={t('welcome.repeat')}
            value={repeat}
            onChange={(e) => setRepeat(e.currentTarget.value)}
            error={error && password.length >= MIN ? error : undefined}
            autoComplete="new-password"
            required
          />
          {save.isError && <ErrorAlert error={save.error} />}
          <Button type="submit" loading={save.isPending}>
            {t('welcome.submit')}
          </Button>
        </Stack>
      </form>
    </PublicCard>
  );
}
