import { Button } from '@mantine/core';
import { IconDoorExit } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Employee } from '../../api/team';
import { HANDOVER_ROLES, hasRole } from '../../lib/roles';
import { useCurrentUser } from '../../lib/useCurrentUser';
import { LeaveModal } from './LeaveModal';

/** "Leaves the company" on the employee's page, for department heads and admins. */
export function LeaveAction({ employee }: { employee: Employee }) {
  const { t } = useTranslation();
  const me = useCurrentUser();
  const [open, setOpen] = useState(false);
  if (!hasRole(me, ...HANDOVER_ROLES)) return null;
  return (
    <>
      <Button variant="light" color="red" leftSection={<IconDoorExit size={16} aria-hidden />} onClick={() => setOpen(true)}>
        {t('leave.action')}
      </Button>
      {open && <LeaveModal employeeId={employee.id} name={employee.user.name} onClose={() => setOpen(false)} />}
    </>
  );
}
