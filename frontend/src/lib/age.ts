/** How long something has been waiting, in the largest whole unit. */
export function waitingFor(iso: string, now = Date.now()): { unit: 'minutes' | 'hours' | 'days'; count: number; days: number } {
  const ms = Math.max(0, now - new Date(iso).getTime());
  const minutes = Math.floor(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  const days = Math.floor(hours / 24);
  if (days >= 1) return { unit: 'days', count: days, days };
  if (hours >= 1) return { unit: 'hours', count: hours, days };
  return { unit: 'minutes', count: Math.max(1, minutes), days };
}
