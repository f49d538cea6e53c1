import { api } from './client';

/** What Bullpen holds about a candidate, as the link in their e-mails shows it. */
export interface PrivacyData {
  company: string;
  name: string;
  email: string;
  phone: string;
  location: string;
  locale: string;
  source: string;
  consent_at?: string;
  cv?: string;
  created_at: string;
  anonymised_at?: string;
  retention_days: number;
  applications: {
    opening: string;
    stage: string;
    source: string;
    applied_at: string;
    stage_since: string;
    answers: { question: string; options?: string[]; number?: number; text?: string }[];
    questionnaire_submitted_at?: string;
    offers: { status: string; start_date: string }[];
  }[];
  interviews: { opening: string; kind: string; starts_at: string; status: string }[];
  deletable: boolean;
  blocked?: 'application_open' | 'hired' | 'unknown';
  exported_at: string;
}

const path = (token: string) => `/api/v1/public/privacy/${encodeURIComponent(token)}`;

export const getPrivacy = (token: string) => api<PrivacyData>(path(token), { quiet401: true });
export const deletePrivacy = (token: string) =>
  api<PrivacyData>(path(token), { method: 'POST', body: { delete: true }, quiet401: true });
/** The address that downloads the data as a JSON file. */
export const privacyDownloadURL = (token: string) => `${path(token)}?download=1`;
