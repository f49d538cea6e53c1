import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyBox } from '../components/EmptyState';
import { PageHeader } from '../components/PageHeader';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyBox
        title={t('notFound.body')}
        action={
          <Button component={Link} to="/plans" variant="light">
            {t('notFound.back')}
          </Button>
        }
      />
    </>
  );
}
