import { Box, Center, Container, Group, Loader, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { LanguageSwitcher } from './LanguageSwitcher';
import { Logo } from './Logo';

/**
 * The frame of the pages candidates open, often on a phone: the Bullpen mark, a language switch that needs no
 * session (it saves nothing on the server), and one narrow column.
 */
export function PublicLayout() {
  const { t } = useTranslation();
  return (
    <Box mih="100vh" bg="gray.0" style={{ display: 'flex', flexDirection: 'column' }}>
      <Box component="header" bg="white" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Container size={720} px="md" py="sm">
          <Group justify="space-between" wrap="nowrap">
            <Logo linked={false} />
            <LanguageSwitcher compact />
          </Group>
        </Container>
      </Box>
      <Container component="main" size={720} px={{ base: 'sm', sm: 'md' }} py={{ base: 'md', sm: 'xl' }} w="100%" style={{ flex: 1 }}>
        <Suspense
          fallback={
            <Center py="xl">
              <Loader size="sm" aria-label={t('common.loading')} />
            </Center>
          }
        >
          <Outlet />
        </Suspense>
      </Container>
      <Container component="footer" size={720} px="md" pb="lg">
        <Text size="xs" c="dimmed" ta="center">
          {t('public.footer')}
        </Text>
      </Container>
    </Box>
  );
}

/** A white card holding a public page's content. */
export function PublicCard({ children }: { children: ReactNode }) {
  return (
    <Paper withBorder radius="lg" p={{ base: 'md', sm: 'xl' }} shadow="xs">
      {children}
    </Paper>
  );
}

/** A whole-page message for candidates: thanks, a closed opening, a link that no longer works. */
export function PublicMessage({
  icon,
  color,
  title,
  children,
  testId,
}: {
  icon: ReactNode;
  color: string;
  title: string;
  children?: ReactNode;
  testId?: string;
}) {
  return (
    <PublicCard>
      <Stack align="center" gap="sm" py="lg" ta="center" data-testid={testId} role="status">
        <ThemeIcon size={56} radius="xl" variant="light" color={color} aria-hidden>
          {icon}
        </ThemeIcon>
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </PublicCard>
  );
}

