import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../lib/errors';

/** A readable error box for a failed call (problem JSON) or a plain message. */
export function ErrorAlert({
  error,
  message,
  title,
  onRetry,
}: {
  error?: unknown;
  message?: string;
  title?: string;
  onRetry?: () => void;
}) {
  const { t } = useTranslation();
  const text = message ?? errorMessage(error, t);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} aria-hidden />}
      title={title ?? t('errors.title')}
      role="alert"
    >
      <Stack gap="xs" align="flex-start">
        <Text size="sm">{text}</Text>
        {onRetry && (
          <Button size="xs" variant="white" color="red" onClick={onRetry}>
            {t('common.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}
