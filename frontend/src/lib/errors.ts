import type { TFunction } from 'i18next';
import { isApiError } from '../api/client';

/** A sentence for the user out of any failure, preferring the server's own detail. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (isApiError(error)) {
    if (error.status === 0) return t('errors.network');
    if (error.detail) return error.detail;
    switch (error.status) {
      case 400:
        return t('errors.invalid');
      case 401:
        return t('errors.unauthorized');
      case 403:
        return t('errors.forbidden');
      case 404:
        return t('errors.notFound');
      case 409:
        return t('errors.conflict');
      case 429:
        return t('errors.tooMany');
      default:
        return error.status >= 500 ? t('errors.server') : error.title || t('errors.generic');
    }
  }
  if (error instanceof Error && error.message) return error.message;
  return t('errors.generic');
}
