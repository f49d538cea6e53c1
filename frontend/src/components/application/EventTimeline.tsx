import { Blockquote, Text, Timeline } from '@mantine/core';
import {
  IconArrowRight,
  IconClockExclamation,
  IconForms,
  IconMail,
  IconMailForward,
  IconNote,
  IconTag,
  IconUserPlus,
  IconAlertTriangle,
  IconChecklist,
} from '@tabler/icons-react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import type { ApplicationEvent } from '../../api/types';
import { useFormat, type Formatters } from '../../lib/format';

const ICONS: Record<string, typeof IconNote> = {
  applied: IconUserPlus,
  moved: IconArrowRight,
  note: IconNote,
  tagged: IconTag,
  questionnaire_sent: IconForms,
  questionnaire_reminded: IconMailForward,
  questionnaire_expired: IconClockExclamation,
  questionnaire_submitted: IconChecklist,
  knock_out_pending: IconAlertTriangle,
  emailed: IconMail,
};

const COLORS: Record<string, string> = {
  moved: 'blue',
  note: 'yellow',
  questionnaire_expired: 'orange',
  knock_out_pending: 'red',
  questionnaire_submitted: 'teal',
};

const str = (v: unknown) => (typeof v === 'string' ? v : '');
const num = (v: unknown) => (typeof v === 'number' ? v : undefined);
const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);

/** One line saying what happened, in the reader's language, from the event's kind and data. */
function headline(e: ApplicationEvent, t: TFunction, fmt: Formatters): string {
  const d = e.data ?? {};
  const stage = (s?: string) => (s ? t(`stage.${s}`, { defaultValue: s }) : '—');
  switch (e.kind) {
    case 'applied': {
      const source = str(d.source);
      return source ? t('event.appliedVia', { source: t(`source.${source}`, { defaultValue: source }) }) : t('event.applied');
    }
    case 'moved':
      return t('event.moved', { from: stage(e.from), to: stage(e.to) });
    case 'tagged': {
      const after = list(d.after);
      return after.length ? t('event.tagged', { tags: after.join(', ') }) : t('event.untagged');
    }
    case 'questionnaire_sent': {
      const due = str(d.due);
      return due ? t('event.questionnaireSentDue', { due: fmt.dateTime(due) }) : t('event.questionnaire_sent');
    }
    case 'questionnaire_submitted': {
      const percent = num(d.percent);
      if (percent === undefined) return t('event.questionnaire_submitted');
      const key = d.knocked_out ? 'event.submittedKnockedOut' : d.passed ? 'event.submittedPassed' : 'event.submittedBelow';
      return t(key, { score: fmt.percent(percent / 100) });
    }
    case 'emailed': {
      const template = str(d.template);
      return t('event.emailed', { what: t(`event.mail.${template}`, { defaultValue: template.replace(/_/g, ' ') }) });
    }
    default:
      return t(`event.${e.kind}`, { defaultValue: e.kind.replace(/_/g, ' ') });
  }
}

/** An application's timeline, newest first; limit shows only the latest entries. */
export function EventTimeline({ events, limit }: { events: ApplicationEvent[]; limit?: number }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const shown = [...events].sort((a, b) => b.at.localeCompare(a.at) || b.id - a.id).slice(0, limit);
  if (!shown.length) {
    return (
      <Text size="sm" c="dimmed">
        {t('event.none')}
      </Text>
    );
  }
  return (
    <Timeline bulletSize={24} lineWidth={2} data-testid="application-timeline" role="list">
      {shown.map((e) => {
        const Icon = ICONS[e.kind] ?? IconNote;
        return (
          <Timeline.Item
            key={e.id}
            role="listitem"
            bullet={<Icon size={13} aria-hidden />}
            color={COLORS[e.kind] ?? 'gray'}
            title={
              <Text size="sm" fw={600} component="span">
                {headline(e, t, fmt)}
              </Text>
            }
          >
            <Text size="xs" c="dimmed">
              {e.actor?.name ?? t('timeline.system')} · {fmt.dateTime(e.at)}
            </Text>
            {e.reason_code && (
              <Text size="xs" mt={4}>
                {t('event.reasonCode', { code: t(`rejectionReason.${e.reason_code}`, { defaultValue: e.reason_code }) })}
              </Text>
            )}
            {e.reason && (
              <Blockquote p="xs" mt={6} color={e.kind === 'note' ? 'yellow' : 'blue'}>
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                  {e.reason}
                </Text>
              </Blockquote>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}
