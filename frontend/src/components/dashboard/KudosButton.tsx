import { Button, Popover, Stack, Text, Textarea } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconConfetti } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useGiveKudos } from '../../api/dashboard';
import type { PersonRef } from '../../api/types';
import { ErrorAlert } from '../ErrorAlert';

const MAX_MESSAGE = 300;

/** One click to recognise a rep: a small popover with an optional message ("Great work!" unless changed). */
export function KudosButton({ rep, testId }: { rep: PersonRef; testId?: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [message, setMessage] = useState('');
  const give = useGiveKudos();

  const open = () => {
    give.reset();
    setMessage(t('dashboard.kudos.defaultMessage'));
    setOpened(true);
  };
  const send = () =>
    give.mutate(
      { to_user_id: rep.id, message: message.trim() },
      {
        onSuccess: (k) => {
          setOpened(false);
          notifications.show({ color: 'green', title: t('dashboard.kudos.sent', { name: rep.name }), message: k.message });
        },
      },
    );

  return (
    <Popover opened={opened} onChange={setOpened} position="bottom-end" withArrow shadow="md" trapFocus returnFocus width={300}>
      <Popover.Target>
        <Button
          size="compact-sm"
          variant="light"
          color="grape"
          leftSection={<IconConfetti size={14} aria-hidden />}
          onClick={() => (opened ? setOpened(false) : open())}
          aria-label={t('dashboard.kudos.giveTo', { name: rep.name })}
          aria-expanded={opened}
          data-testid={testId}
          style={{ flexShrink: 0 }}
        >
          {t('dashboard.kudos.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            send();
          }}
        >
          <Stack gap="xs">
            <Text size="sm" fw={600}>
              {t('dashboard.kudos.title', { name: rep.name })}
            </Text>
            <Textarea
              label={t('dashboard.kudos.message')}
              description={t('dashboard.kudos.messageHint')}
              value={message}
              onChange={(e) => setMessage(e.currentTarget.value)}
              maxLength={MAX_MESSAGE}
              autosize
              minRows={2}
              maxRows={5}
              data-autofocus
            />
            {give.isError && <ErrorAlert error={give.error} />}
            <Button type="submit" size="sm" loading={give.isPending} leftSection={<IconConfetti size={16} aria-hidden />}>
              {t('dashboard.kudos.send')}
            </Button>
          </Stack>
        </form>
      </Popover.Dropdown>
    </Popover>
  );
}
