import type { TFunction } from 'i18next';

/** Says a span of hours the way a person would: "under a minute", "40 min", "5 h", "3 d 4 h". */
export function formatHours(hours: number, t: TFunction): string {
  const minutes = Math.round(hours * 60);
  if (minutes < 1) return t('reports.duration.underMinute');
  if (minutes < 60) return t('reports.duration.minutes', { count: minutes });
  const wholeHours = Math.round(hours);
  if (wholeHours < 48) return t('reports.duration.hours', { count: wholeHours });
  const days = Math.floor(wholeHours / 24);
  const rest = wholeHours % 24;
  return rest === 0 ? t('reports.duration.days', { count: days }) : t('reports.duration.daysHours', { days, hours: rest });
}
