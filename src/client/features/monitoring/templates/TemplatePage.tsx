import { Alert, Anchor, Badge, Button, Group, List, Stack, Text } from '@mantine/core';
import { IconEdit, IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../../../components/PageHeader';
import { ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { VisibilityBadge } from '../../../components/VisibilityBadge';
import { useFormat } from '../../../i18n/format';
import { useLocalizedLang, useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { themeLabels } from '../shared/labels';
import { useTemplate } from './api';
import { TemplateEditor } from './TemplateEditor';

/** A checklist template, theme by theme; those who may edit it change its questions for visits still to start. */
export function TemplatePage() {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const { templateId = '' } = useParams();
  const query = useTemplate(templateId);
  const [editing, setEditing] = useState(false);
  if (query.isPending) return <LoadingState />;
  if (query.isError) {
    return (
      <>
        <PageHeader title={t('monitoring:templates.title')} />
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      </>
    );
  }
  const template = query.data;
  return (
    <>
      <Anchor component={Link} to="/checklist-templates" size="sm">
        {t('monitoring:templates.backToList')}
      </Anchor>
      <PageHeader
        title={localized(template.nameFr, template.nameEn)}
        description={localized(template.descriptionFr ?? '', template.descriptionEn) || undefined}
        meta={
          <Group gap="xs">
            {!template.isActive && (
              <Badge variant="light" color="gray">
                {t('monitoring:templates.inactive')}
              </Badge>
            )}
            <VisibilityBadge value={template.visibility} />
          </Group>
        }
        actions={
          template.can.edit && (
            <Button leftSection={<IconEdit size={16} aria-hidden="true" />} onClick={() => setEditing(true)}>
              {t('monitoring:templates.edit')}
            </Button>
          )
        }
      />
      <Stack gap="lg">
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden="true" />}>
          {t('monitoring:templates.snapshotNote')}
        </Alert>
        {template.themes.map((theme) => (
          <Section
            key={theme.id}
            title={t('monitoring:checklist.themeLegend', {
              number: theme.position,
              title: localized(theme.titleFr, theme.titleEn),
            })}
            description={t(themeLabels[theme.theme])}
          >
            <List type="ordered" spacing="sm">
              {theme.questions.map((question) => (
                <List.Item key={question.id}>
                  <Text size="sm" lang={langOf(question.textEn)}>
                    {localized(question.textFr, question.textEn)}
                  </Text>
                  {question.standards.length > 0 && (
                    <Text size="xs" c="dimmed">
                      {t('monitoring:checklist.standards', { standards: format.list(question.standards) })}
                    </Text>
                  )}
                </List.Item>
              ))}
            </List>
          </Section>
        ))}
      </Stack>
      {editing && <TemplateEditor template={template} onClose={() => setEditing(false)} />}
    </>
  );
}
