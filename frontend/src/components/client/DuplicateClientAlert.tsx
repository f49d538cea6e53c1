import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { duplicateAccountId } from '../../api/clients';
import { errorMessage } from '../../lib/errors';

/** The server's answer to a client added twice (409), with a link to the one that already exists. */
export function DuplicateClientAlert({ error, onOpen }: { error: unknown; onOpen?: () => void }) {
  const { t } = useTranslation();
  const id = duplicateAccountId(error);
  return (
    <Alert color="orange" variant="light" icon={<IconCopy size={18} aria-hidden />} title={t('newClient.duplicateTitle')} role="alert">
      <Stack gap={6} align="flex-start">
        <Text size="sm">{errorMessage(error, t)}</Text>
        {id !== null && (
          <Anchor component={Link} to={`/clients/${id}`} size="sm" fw={600} onClick={onOpen}>
            {t('newClient.openExisting')}
          </Anchor>
        )}
      </Stack>
    </Alert>
  );
}
