import { Anchor, Button, Stack, Table, Text, Textarea, TextInput, VisuallyHidden } from '@mantine/core';
import { IconEdit, IconExternalLink } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import type { Association } from '../../../../shared/contract/network';
import { fieldError } from '../../../api/http';
import { NotProvided } from '../../../components/DetailList';
import { FormModal } from '../../../components/FormModal';
import { notifySuccess } from '../../../components/notify';
import { PageHeader } from '../../../components/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useLocalizedText } from '../shared/localized';
import { useAssociations, useUpdateAssociation } from './api';

function AssociationFormModal({ association, onClose }: { association: Association; onClose: () => void }) {
  const { t } = useT();
  const update = useUpdateAssociation();
  const [values, setValues] = useState({
    nameFr: association.nameFr,
    nameEn: association.nameEn,
    foundedOn: association.foundedOn ?? '',
    website: association.website ?? '',
    notes: association.notes ?? '',
  });
  const set = (key: keyof typeof values, value: string) => setValues((v) => ({ ...v, [key]: value }));
  const error = (name: string) => fieldError(update.error, name);

  const submit = () =>
    update.mutate(
      {
        id: association.id,
        version: association.version,
        nameFr: values.nameFr,
        nameEn: values.nameEn,
        foundedOn: values.foundedOn === '' ? null : values.foundedOn,
        website: values.website.trim() === '' ? null : values.website.trim(),
        notes: values.notes,
      },
      {
        onSuccess: () => {
          notifySuccess(t('common:notices.saved'));
          onClose();
        },
      },
    );

  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('network:associations.editTitle', { code: association.code })}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
      onReload={onClose}
    >
      <TextInput
        label={t('network:association.nameFr')}
        value={values.nameFr}
        onChange={(e) => set('nameFr', e.currentTarget.value)}
        error={error('nameFr')}
        withAsterisk
      />
      <TextInput
        label={t('network:association.nameEn')}
        value={values.nameEn}
        onChange={(e) => set('nameEn', e.currentTarget.value)}
        error={error('nameEn')}
        withAsterisk
      />
      <TextInput
        type="date"
        label={t('network:association.foundedOn')}
        value={values.foundedOn}
        onChange={(e) => set('foundedOn', e.currentTarget.value)}
        error={error('foundedOn')}
      />
      <TextInput
        type="url"
        label={t('network:association.website')}
        placeholder="https://"
        value={values.website}
        onChange={(e) => set('website', e.currentTarget.value)}
        error={error('website')}
      />
      <Textarea
        label={t('network:association.notes')}
        autosize
        minRows={3}
        value={values.notes}
        onChange={(e) => set('notes', e.currentTarget.value)}
        error={error('notes')}
      />
    </FormModal>
  );
}

export function AssociationsPage() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const query = useAssociations();
  const [editing, setEditing] = useState<Association | null>(null);

  let content: ReactNode;
  if (query.isPending) content = <LoadingState />;
  else if (query.isError) content = <ErrorState error={query.error} onRetry={() => void query.refetch()} />;
  else if (query.data.items.length === 0) content = <EmptyMessage title={t('network:associations.emptyTitle')} />;
  else {
    const anyEditable = query.data.items.some((association) => association.can.edit);
    content = (
      <Table.ScrollContainer minWidth={720}>
        <Table striped verticalSpacing="sm">
          <Table.Caption>
            <VisuallyHidden>{t('network:associations.tableLabel')}</VisuallyHidden>
          </Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('network:association.code')}</Table.Th>
              <Table.Th>{t('network:association.name')}</Table.Th>
              <Table.Th>{t('network:association.foundedOn')}</Table.Th>
              <Table.Th>{t('network:association.notes')}</Table.Th>
              {anyEditable && (
                <Table.Th>
                  <VisuallyHidden>{t('common:list.actions')}</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {query.data.items.map((association) => (
              <Table.Tr key={association.id}>
                <Table.Td fw={700}>{association.code}</Table.Td>
                <Table.Td>
                  <Stack gap={2}>
                    <Text size="sm" dir="auto">
                      {localized(association.nameFr, association.nameEn)}
                    </Text>
                    {association.website && (
                      <Anchor href={association.website} target="_blank" rel="noopener noreferrer" size="xs">
                        {association.website} <IconExternalLink size={12} aria-hidden="true" />
                        <VisuallyHidden>{t('common:links.newTab')}</VisuallyHidden>
                      </Anchor>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>{association.foundedOn ? format.date(association.foundedOn) : <NotProvided />}</Table.Td>
                <Table.Td maw={420}>
                  <Text size="sm" dir="auto">
                    {association.notes ?? ''}
                  </Text>
                </Table.Td>
                {anyEditable && (
                  <Table.Td>
                    {association.can.edit && (
                      <Button
                        size="xs"
                        variant="subtle"
                        leftSection={<IconEdit size={14} aria-hidden="true" />}
                        onClick={() => setEditing(association)}
                        aria-label={t('network:associations.editNamed', { code: association.code })}
                      >
                        {t('common:actions.edit')}
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    );
  }

  return (
    <>
      <PageHeader title={t('network:associations.title')} description={t('network:associations.intro')} />
      {content}
      {editing && <AssociationFormModal association={editing} onClose={() => setEditing(null)} />}
    </>
  );
}
