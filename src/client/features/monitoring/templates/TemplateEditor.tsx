import {
  ActionIcon,
  Alert,
  Button,
  Checkbox,
  Fieldset,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconInfoCircle, IconPlus, IconTrash } from '@tabler/icons-react';
import type { ChecklistTemplate } from '../../../../shared/contract/monitoring';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/use-record-form';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { type MonitoringTheme, themeLabels } from '../shared/labels';
import { linesOf } from '../visits/FindingFormModal';
import { type TemplateChanges, useAdoptTemplate, useUpdateTemplate } from './api';

interface QuestionRow {
  key: string;
  textFr: string;
  textEn: string;
  standards: string;
}
interface ThemeRow {
  key: string;
  theme: MonitoringTheme;
  titleFr: string;
  titleEn: string;
  questions: QuestionRow[];
}
interface Values {
  nameFr: string;
  nameEn: string;
  isActive: boolean;
  themes: ThemeRow[];
}

let counter = 0;
const newKey = () => {
  counter += 1;
  return `new-${counter}`;
};

function valuesOf(template: ChecklistTemplate | undefined): Values {
  return {
    nameFr: template?.nameFr ?? '',
    nameEn: template?.nameEn ?? '',
    isActive: template?.isActive ?? true,
    themes: (template?.themes ?? []).map((theme) => ({
      key: theme.id,
      theme: theme.theme,
      titleFr: theme.titleFr,
      titleEn: theme.titleEn ?? '',
      questions: theme.questions.map((q) => ({
        key: q.id,
        textFr: q.textFr,
        textEn: q.textEn ?? '',
        standards: q.standards.join('\n'),
      })),
    })),
  };
}

function bodyOf(values: Values): Omit<TemplateChanges, 'version'> {
  return {
    nameFr: values.nameFr,
    nameEn: values.nameEn,
    isActive: values.isActive,
    themes: values.themes.map((theme) => ({
      theme: theme.theme,
      titleFr: theme.titleFr,
      titleEn: theme.titleEn,
      questions: theme.questions.map((q) => ({ textFr: q.textFr, textEn: q.textEn, standards: linesOf(q.standards) })),
    })),
  };
}

/**
 * Edits a template's whole structure: its themes and their questions. Visits whose checklist has started keep the
 * copy they took; only visits that start afterwards see the change.
 */
export function TemplateEditor({ template, onClose }: { template: ChecklistTemplate; onClose: () => void }) {
  const { t } = useT();
  const update = useUpdateTemplate(template.id);
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: template,
    valuesOf,
    bodyOf,
    save: {
      mutate: (body, options) => update.mutate(body as TemplateChanges, options),
      reset: update.reset,
      error: update.error,
    },
    adopt: useAdoptTemplate(),
    savedNotice: t('common:notices.saved'),
    onClose,
  });
  const setTheme = (key: string, change: Partial<ThemeRow>) =>
    set(
      'themes',
      values.themes.map((theme) => (theme.key === key ? { ...theme, ...change } : theme)),
    );
  const setQuestion = (theme: ThemeRow, key: string, change: Partial<QuestionRow>) =>
    setTheme(theme.key, { questions: theme.questions.map((q) => (q.key === key ? { ...q, ...change } : q)) });

  return (
    <FormModal
      opened
      onClose={close}
      title={t('monitoring:templates.editTitle')}
      onSubmit={submit}
      submitting={update.isPending}
      error={update.error}
      onReload={reload}
      size="xl"
    >
      <Stack gap="md">
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden="true" />}>
          {t('monitoring:templates.snapshotNote')}
        </Alert>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('monitoring:templates.nameFr')}
            value={values.nameFr}
            onChange={(e) => set('nameFr', e.currentTarget.value)}
            error={error('nameFr')}
            withAsterisk
          />
          <TextInput
            label={t('monitoring:templates.nameEn')}
            value={values.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={error('nameEn')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('monitoring:templates.active')}
          checked={values.isActive}
          onChange={(e) => set('isActive', e.currentTarget.checked)}
        />
        {values.themes.map((theme, themeIndex) => (
          <Fieldset key={theme.key} legend={t('monitoring:templates.themeNumber', { number: themeIndex + 1 })}>
            <Stack gap="sm">
              <SimpleGrid cols={{ base: 1, sm: 3 }}>
                <NativeSelect
                  label={t('monitoring:templates.commonTheme')}
                  value={theme.theme}
                  onChange={(e) => setTheme(theme.key, { theme: e.currentTarget.value as MonitoringTheme })}
                  data={entriesOf(themeLabels).map(([value, key]) => ({ value, label: t(key) }))}
                />
                <TextInput
                  label={t('monitoring:templates.titleFr')}
                  value={theme.titleFr}
                  onChange={(e) => setTheme(theme.key, { titleFr: e.currentTarget.value })}
                  error={error(`themes.${themeIndex}.titleFr`)}
                  withAsterisk
                />
                <TextInput
                  label={t('monitoring:templates.titleEn')}
                  value={theme.titleEn}
                  onChange={(e) => setTheme(theme.key, { titleEn: e.currentTarget.value })}
                  error={error(`themes.${themeIndex}.titleEn`)}
                />
              </SimpleGrid>
              {theme.questions.map((question, questionIndex) => (
                <Group key={question.key} align="flex-start" gap="xs" wrap="nowrap">
                  <SimpleGrid cols={{ base: 1, sm: 3 }} flex={1}>
                    <Textarea
                      label={t('monitoring:templates.questionFr', { number: questionIndex + 1 })}
                      autosize
                      minRows={1}
                      value={question.textFr}
                      onChange={(e) => setQuestion(theme, question.key, { textFr: e.currentTarget.value })}
                      error={error(`themes.${themeIndex}.questions.${questionIndex}.textFr`)}
                    />
                    <Textarea
                      label={t('monitoring:templates.questionEn', { number: questionIndex + 1 })}
                      autosize
                      minRows={1}
                      value={question.textEn}
                      onChange={(e) => setQuestion(theme, question.key, { textEn: e.currentTarget.value })}
                    />
                    <Textarea
                      label={t('monitoring:templates.standards', { number: questionIndex + 1 })}
                      description={t('monitoring:finding.standardsHint')}
                      autosize
                      minRows={1}
                      value={question.standards}
                      onChange={(e) => setQuestion(theme, question.key, { standards: e.currentTarget.value })}
                    />
                  </SimpleGrid>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={24}
                    aria-label={t('monitoring:templates.removeQuestion', {
                      theme: themeIndex + 1,
                      number: questionIndex + 1,
                    })}
                    onClick={() =>
                      setTheme(theme.key, { questions: theme.questions.filter((q) => q.key !== question.key) })
                    }
                  >
                    <IconTrash size={18} aria-hidden="true" />
                  </ActionIcon>
                </Group>
              ))}
              <Group gap="xs">
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPlus size={14} aria-hidden="true" />}
                  onClick={() =>
                    setTheme(theme.key, {
                      questions: [...theme.questions, { key: newKey(), textFr: '', textEn: '', standards: '' }],
                    })
                  }
                >
                  {t('monitoring:templates.addQuestion', { number: themeIndex + 1 })}
                </Button>
                <Button
                  size="xs"
                  variant="subtle"
                  color="red"
                  onClick={() =>
                    set(
                      'themes',
                      values.themes.filter((row) => row.key !== theme.key),
                    )
                  }
                >
                  {t('monitoring:templates.removeTheme', { number: themeIndex + 1 })}
                </Button>
              </Group>
            </Stack>
          </Fieldset>
        ))}
        <Group>
          <Button
            variant="default"
            leftSection={<IconPlus size={16} aria-hidden="true" />}
            onClick={() =>
              set('themes', [
                ...values.themes,
                {
                  key: newKey(),
                  theme: 'other',
                  titleFr: '',
                  titleEn: '',
                  questions: [{ key: newKey(), textFr: '', textEn: '', standards: '' }],
                },
              ])
            }
          >
            {t('monitoring:templates.addTheme')}
          </Button>
        </Group>
      </Stack>
    </FormModal>
  );
}
