import { Anchor, Badge, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { IconExternalLink, IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type PageLanguage, pageLanguageName, pageLanguages } from '../../../shared/languages';
import { PageHeader } from '../../components/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useLocalizedText } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { type ChildPageSummary, useChildPages, useInstitutionOfPages } from './api';
import { StatusBadge } from './StatusBadge';

/** An institution's pages for children, one per language, with their status and links to preview or read them. */
export function ChildPagesPage() {
  const { institutionId = '' } = useParams();
  const { t } = useT();
  const localized = useLocalizedText();
  const institution = useInstitutionOfPages(institutionId);
  const canEdit = institution.data?.can.edit === true;
  const pages = useChildPages(institutionId, canEdit);

  if (institution.isPending) return <LoadingState />;
  if (institution.isError) return <ErrorState error={institution.error} onRetry={() => institution.refetch()} />;
  const name = localized(institution.data.nameFr, institution.data.nameEn);

  return (
    <>
      <Anchor component={Link} to={`/institutions/${institutionId}`} size="sm">
        {t('public-site:list.back', { name })}
      </Anchor>
      <PageHeader title={t('public-site:list.title', { name })} description={t('public-site:list.description')} />
      {!canEdit ? (
        <EmptyMessage title={t('public-site:list.notAllowed')} />
      ) : pages.isPending ? (
        <LoadingState />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => pages.refetch()} />
      ) : (
        <Stack gap="lg">
          <AddLanguage institutionId={institutionId} existing={pages.data.items.map((p) => p.language)} />
          <Section title={t('public-site:list.languages')}>
            {pages.data.items.length === 0 ? (
              <EmptyMessage title={t('public-site:list.empty')} description={t('public-site:list.emptyHint')} />
            ) : (
              <PagesTable institutionId={institutionId} pages={pages.data.items} />
            )}
          </Section>
        </Stack>
      )}
    </>
  );
}

function PagesTable({ institutionId, pages }: { institutionId: string; pages: ChildPageSummary[] }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('public-site:list.language')}</Table.Th>
            <Table.Th scope="col">{t('public-site:list.status')}</Table.Th>
            <Table.Th scope="col">{t('public-site:list.reviewed')}</Table.Th>
            <Table.Th scope="col">{t('public-site:list.published')}</Table.Th>
            <Table.Th scope="col">{t('public-site:list.links')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {pages.map((page) => (
            <Table.Tr key={page.language}>
              <Table.Th scope="row">
                <Anchor component={Link} to={`/institutions/${institutionId}/child-pages/${page.language}`} fw={600}>
                  <span lang={page.language} dir={page.dir}>
                    {page.languageName}
                  </span>{' '}
                  <Badge variant="outline" color="gray" size="sm">
                    {page.language}
                  </Badge>
                </Anchor>
              </Table.Th>
              <Table.Td>
                <StatusBadge status={page.status} />
              </Table.Td>
              <Table.Td>{page.reviewedAt ? format.dateTime(page.reviewedAt) : '—'}</Table.Td>
              <Table.Td>{page.publishedAt ? format.dateTime(page.publishedAt) : '—'}</Table.Td>
              <Table.Td>
                <PageLinks page={page} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** The preview (drafts included, for the institution's writers) and, once published, the page the public sees. */
export function PageLinks({
  page,
}: {
  page: Pick<ChildPageSummary, 'status' | 'previewUrl' | 'publicUrl' | 'languageName'>;
}) {
  const { t } = useT();
  const icon = <IconExternalLink size={14} aria-hidden="true" />;
  return (
    <Group gap="sm" wrap="nowrap">
      <Anchor href={page.previewUrl} target="_blank" rel="noopener" size="sm">
        <Group gap={4} wrap="nowrap" component="span">
          {t('public-site:links.preview', { language: page.languageName })}
          {icon}
        </Group>
      </Anchor>
      {page.status === 'published' && (
        <Anchor href={page.publicUrl} target="_blank" rel="noopener" size="sm">
          <Group gap={4} wrap="nowrap" component="span">
            {t('public-site:links.public', { language: page.languageName })}
            {icon}
          </Group>
        </Anchor>
      )}
    </Group>
  );
}

function AddLanguage({ institutionId, existing }: { institutionId: string; existing: string[] }) {
  const { t } = useT();
  const navigate = useNavigate();
  const available = pageLanguages.filter((l) => !existing.includes(l.code));
  const [language, setLanguage] = useState<PageLanguage | ''>('');
  if (available.length === 0) return null;
  return (
    <Section title={t('public-site:add.title')}>
      <Text size="sm" c="dimmed" mb="sm">
        {t('public-site:add.hint')}
      </Text>
      <Group align="flex-end" gap="sm">
        <NativeSelect
          label={t('public-site:add.language')}
          value={language}
          onChange={(event) => setLanguage(event.currentTarget.value as PageLanguage | '')}
          data={[
            { value: '', label: t('public-site:add.choose') },
            ...available.map((l) => ({ value: l.code, label: `${pageLanguageName(l.code)} (${l.code})` })),
          ]}
        />
        <Button
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          disabled={language === ''}
          onClick={() => navigate(`/institutions/${institutionId}/child-pages/${language}`)}
        >
          {t('public-site:add.start')}
        </Button>
      </Group>
    </Section>
  );
}
