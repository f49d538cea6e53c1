import { Alert, Box, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { IconAlertCircle } from '@tabler/icons-react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../api/client';
import { login } from '../api/endpoints';
import { keys, useMe } from '../api/queries';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { errorMessage } from '../lib/errors';

/** Only same-site paths are accepted as a place to return to after login. */
function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const qc = useQueryClient();
  const me = useMe();
  const [retryUntil, setRetryUntil] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const form = useForm({
    mode: 'controlled',
    initialValues: { email: '', password: '' },
    validate: {
      email: (v) => (/^\S+@\S+$/.test(v.trim()) ? null : t('login.emailInvalid')),
      password: (v) => (v ? null : t('login.passwordRequired')),
    },
  });

  const mutation = useMutation({
    mutationFn: (v: { email: string; password: string }) => login(v.email.trim(), v.password),
    onSuccess: (user) => {
      qc.clear();
      qc.setQueryData(keys.me, user);
      navigate(next, { replace: true });
    },
    onError: (err) => {
      if (isApiError(err) && err.status === 429) {
        setRetryUntil(Date.now() + (err.retryAfter ?? 60) * 1000);
        setNow(Date.now());
      }
    },
  });

  useEffect(() => {
    document.title = `${t('login.submit')} · Bullpen`;
  }, [t]);

  useEffect(() => {
    if (!retryUntil) return;
    const id = window.setInterval(() => {
      const n = Date.now();
      setNow(n);
      if (n >= retryUntil) {
        setRetryUntil(null);
        window.clearInterval(id);
      }
    }, 1000);
    return () => window.clearInterval(id);
  }, [retryUntil]);

  if (me.data && !mutation.isPending && !mutation.isSuccess) {
    return <Navigate to={next} replace />;
  }

  const secondsLeft = retryUntil ? Math.max(0, Math.ceil((retryUntil - now) / 1000)) : 0;
  let error: string | null = null;
  if (mutation.isError) {
    const err = mutation.error;
    if (isApiError(err) && err.status === 401) error = t('login.wrongCredentials');
    else if (isApiError(err) && err.status === 429)
      error = secondsLeft > 0 ? t('login.tooMany', { count: secondsLeft }) : t('login.tooManyRetryNow');
    else error = errorMessage(err, t);
  }

  return (
    <Box mih="100vh" bg="gray.0">
      <Group justify="flex-end" p="md">
        <LanguageSwitcher compact />
      </Group>
      <Center px="md" pb="xl">
        <Paper withBorder shadow="sm" radius="lg" p={{ base: 'lg', sm: 'xl' }} w="100%" maw={420}>
          <Stack gap="lg">
            <Stack gap={6} align="center">
              <img src="/favicon.svg" alt="" width={44} height={44} />
              <Title order={1} size="h2" ta="center">
                {t('login.title')}
              </Title>
              <Text c="dimmed" size="sm" ta="center">
                {t('login.subtitle')}
              </Text>
            </Stack>
            {error && (
              <Alert color="red" variant="light" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
                {error}
              </Alert>
            )}
            <form onSubmit={form.onSubmit((v) => mutation.mutate(v))} noValidate>
              <Stack gap="md">
                <TextInput
                  label={t('login.email')}
                  type="email"
                  autoComplete="username"
                  aria-required="true"
                  autoFocus
                  {...form.getInputProps('email')}
                />
                <PasswordInput
                  label={t('login.password')}
                  autoComplete="current-password"
                  aria-required="true"
                  {...form.getInputProps('password')}
                />
                <Button type="submit" fullWidth loading={mutation.isPending} disabled={secondsLeft > 0}>
                  {t('login.submit')}
                </Button>
              </Stack>
            </form>
          </Stack>
        </Paper>
      </Center>
    </Box>
  );
}
