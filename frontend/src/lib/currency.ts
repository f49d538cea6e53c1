export const CURRENCIES = ['EUR', 'ALL', 'USD', 'GBP'] as const;

/** Thousand and decimal separators the user expects when typing numbers. */
export function separators(locale: string): { thousand: string; decimal: string } {
  return locale.startsWith('sq') ? { thousand: ' ', decimal: ',' } : { thousand: ',', decimal: '.' };
}
