import { Button } from '@mantine/core';
import { IconDatabaseExport } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { apiDownload } from '../api/http';
import { useT } from '../i18n/use-t';
import { useSession } from '../session/session';
import { MutationAlert } from './MutationAlert';
import { Section } from './Section';
import { saveFile } from './save-file';

/**
 * An institution's own data as JSON (portability), for administrators and the institution's contact points: the
 * server decides, this only spares others a button that would be refused.
 */
export function InstitutionDataExport({ institutionId }: { institutionId: string }) {
  const { t } = useT();
  const session = useSession();
  const exporting = useMutation({
    mutationFn: () => apiDownload(`/institutions/${institutionId}/data-export`),
    onSuccess: saveFile,
  });
  const user = session.user;
  const allowed =
    user !== null &&
    (user.role === 'administrator' || (user.role === 'contact_point' && user.institutionId === institutionId));
  if (!allowed) return null;

  return (
    <Section title={t('exports:portability.title')} description={t('exports:portability.description')}>
      <MutationAlert error={exporting.error} />
      <div>
        <Button
          variant="default"
          leftSection={<IconDatabaseExport size={16} aria-hidden="true" />}
          loading={exporting.isPending}
          onClick={() => exporting.mutate()}
        >
          {t('exports:portability.button')}
        </Button>
      </div>
    </Section>
  );
}
