import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { IconDeviceFloppy, IconPlus, IconTrash } from '@tabler/icons-react';
import { type ReactNode, useState } from 'react';
import { Link, useParams } from 'react-router';
import { childPageLabelKeys, rightTopics } from '../../../shared/contract/public-site';
import { isPageLanguage, type PageLanguage, pageDirectionOf, pageLanguageName } from '../../../shared/languages';
import { ApiError, fieldError } from '../../api/http';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DetailList } from '../../components/DetailList';
import { MutationAlert } from '../../components/MutationAlert';
import { notifySuccess } from '../../components/notify';
import { PageHeader } from '../../components/PageHeader';
import { EmptyMessage, ErrorState, LoadingState } from '../../components/QueryStates';
import { Section } from '../../components/Section';
import { useFormat } from '../../i18n/format';
import { useLocalizedText } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import {
  type ChildPage,
  type ChildPageContent,
  type ChildPageStatus,
  useAdoptChildPage,
  useChangeChildPageStatus,
  useChildPage,
  useChildPageDefaults,
  useInstitutionOfPages,
  useSaveChildPage,
} from './api';
import { PageLinks } from './ChildPagesPage';
import { StatusBadge } from './StatusBadge';

type Right = { topic: (typeof rightTopics)[number]; text: string };
type Emergency = { label: string; number: string };
type LabelKey = (typeof childPageLabelKeys)[number];

/** The form's values: every optional field as text ('' for none), which the contract reads back as null. */
interface Values {
  institutionName: string;
  about: string;
  promise: string;
  whoCanAsk: string;
  phone: string;
  email: string;
  address: string;
  hours: string;
  website: string;
  complaintFormUrl: string;
  nextSteps: string;
  rights: Right[];
  emergencyNumbers: Emergency[];
  dataUse: string;
  labels: Record<LabelKey, string>;
}

function valuesOf(content: ChildPageContent): Values {
  return {
    institutionName: content.institutionName,
    about: content.about,
    promise: content.promise,
    whoCanAsk: content.whoCanAsk,
    phone: content.phone ?? '',
    email: content.email ?? '',
    address: content.address ?? '',
    hours: content.hours ?? '',
    website: content.website ?? '',
    complaintFormUrl: content.complaintFormUrl ?? '',
    nextSteps: content.nextSteps,
    rights: content.rights.map((r) => ({ ...r })),
    emergencyNumbers: content.emergencyNumbers.map((e) => ({ ...e })),
    dataUse: content.dataUse,
    labels: { ...content.labels },
  };
}

/** One language's page for children: its text, edited and saved with its version, and its way to publication. */
export function ChildPageEditor() {
  const { institutionId = '', lang = '' } = useParams();
  const { t } = useT();
  const known = isPageLanguage(lang);
  const language = (known ? lang : 'fr') as PageLanguage;
  const institution = useInstitutionOfPages(institutionId);
  const canEdit = institution.data?.can.edit === true;
  const page = useChildPage(institutionId, language, known && canEdit);
  const defaults = useChildPageDefaults(institutionId, language, known && canEdit && page.data === null);

  if (!known) return <EmptyMessage title={t('public-site:editor.unknownLanguage')} />;
  if (institution.isPending) return <LoadingState />;
  if (institution.isError) return <ErrorState error={institution.error} onRetry={() => institution.refetch()} />;
  if (!canEdit) return <EmptyMessage title={t('public-site:list.notAllowed')} />;
  if (page.isPending) return <LoadingState />;
  if (page.isError) return <ErrorState error={page.error} onRetry={() => page.refetch()} />;
  if (page.data === null) {
    if (defaults.isPending) return <LoadingState />;
    if (defaults.isError) return <ErrorState error={defaults.error} onRetry={() => defaults.refetch()} />;
  }
  const content = page.data?.content ?? defaults.data?.content;
  if (!content) return <LoadingState />;
  return (
    <EditorForm
      // A new version from the server (saved, moved, or adopted after a conflict) starts the form afresh.
      key={page.data ? `${page.data.version}` : 'new'}
      institutionId={institutionId}
      institutionName={institution.data.nameFr}
      institutionNameEn={institution.data.nameEn}
      language={language}
      page={page.data}
      initial={content}
      fromDefaultsIn={page.data ? null : (defaults.data?.textLanguage ?? null)}
    />
  );
}

interface EditorFormProps {
  institutionId: string;
  institutionName: string;
  institutionNameEn: string | null;
  language: PageLanguage;
  page: ChildPage | null;
  initial: ChildPageContent;
  fromDefaultsIn: PageLanguage | null;
}

function EditorForm({
  institutionId,
  institutionName,
  institutionNameEn,
  language,
  page,
  initial,
  fromDefaultsIn,
}: EditorFormProps) {
  const { t } = useT();
  const localized = useLocalizedText();
  const [values, setValues] = useState(() => valuesOf(initial));
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setValues((v) => ({ ...v, [key]: value }));
  const save = useSaveChildPage(institutionId, language);
  const adopt = useAdoptChildPage(institutionId, language);
  const dir = pageDirectionOf(language);
  const error = (name: string) => fieldError(save.error, name);
  const languageName = pageLanguageName(language);
  const name = localized(institutionName, institutionNameEn);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const body = page ? { ...values, version: page.version } : values;
    save.mutate(body, {
      onSuccess: () => notifySuccess(t('public-site:editor.saved', { language: languageName })),
    });
  };
  const reload = () => {
    const current = save.error instanceof ApiError ? save.error.current<ChildPage>() : undefined;
    adopt(current);
    if (current) setValues(valuesOf(current.content));
    save.reset();
  };

  // Inputs take the page's language and direction: a Pashto page is typed right to left.
  const text = (
    key: 'institutionName' | 'phone' | 'email' | 'address' | 'hours' | 'website' | 'complaintFormUrl',
    label: string,
    hint: string,
    required = false,
    ltr = false,
  ) => (
    <TextInput
      label={label}
      description={hint}
      required={required}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={error(key)}
      lang={ltr ? undefined : language}
      dir={ltr ? 'ltr' : dir}
    />
  );
  const long = (key: 'about' | 'promise' | 'whoCanAsk' | 'nextSteps' | 'dataUse', label: string, hint: string) => (
    <Textarea
      label={label}
      description={hint}
      required
      autosize
      minRows={3}
      value={values[key]}
      onChange={(e) => set(key, e.currentTarget.value)}
      error={error(key)}
      lang={language}
      dir={dir}
    />
  );

  return (
    <>
      <Anchor component={Link} to={`/institutions/${institutionId}/child-pages`} size="sm">
        {t('public-site:editor.back', { name })}
      </Anchor>
      <PageHeader
        title={t('public-site:editor.title', { language: languageName })}
        description={name}
        meta={
          <Group gap="sm">
            {page ? <StatusBadge status={page.status} /> : <Text size="sm">{t('public-site:editor.notSaved')}</Text>}
            {page && <PageLinks page={page} />}
          </Group>
        }
      />
      <Stack gap="lg">
        {page && (
          <StatusSection
            institutionId={institutionId}
            language={language}
            page={page}
            unsaved={JSON.stringify(values) !== JSON.stringify(valuesOf(page.content))}
          />
        )}
        {fromDefaultsIn && (
          <Text size="sm" role="note">
            {fromDefaultsIn === language
              ? t('public-site:editor.fromDefaults')
              : t('public-site:editor.fromDefaultsIn', { language: pageLanguageName(fromDefaultsIn) })}
          </Text>
        )}
        <form onSubmit={submit} noValidate>
          <Stack gap="lg">
            <MutationAlert error={save.error} onReload={reload} />
            <Text size="sm" c="dimmed">
              {t('public-site:editor.shortSentences')}
            </Text>
            <Section title={t('public-site:editor.sections.about')}>
              {text(
                'institutionName',
                t('public-site:fields.institutionName'),
                t('public-site:hints.institutionName'),
                true,
              )}
              {long('about', t('public-site:fields.about'), t('public-site:hints.about'))}
              {long('promise', t('public-site:fields.promise'), t('public-site:hints.promise'))}
              {long('whoCanAsk', t('public-site:fields.whoCanAsk'), t('public-site:hints.whoCanAsk'))}
            </Section>
            <Section title={t('public-site:editor.sections.contact')}>
              <SimpleGrid cols={{ base: 1, md: 2 }}>
                {text('phone', t('public-site:fields.phone'), t('public-site:hints.phone'), false, true)}
                {text('email', t('public-site:fields.email'), t('public-site:hints.email'), false, true)}
                {text('address', t('public-site:fields.address'), t('public-site:hints.address'))}
                {text('hours', t('public-site:fields.hours'), t('public-site:hints.hours'))}
                {text('website', t('public-site:fields.website'), t('public-site:hints.website'), false, true)}
                {text(
                  'complaintFormUrl',
                  t('public-site:fields.complaintFormUrl'),
                  t('public-site:hints.complaintFormUrl'),
                  false,
                  true,
                )}
              </SimpleGrid>
            </Section>
            <Section title={t('public-site:editor.sections.next')}>
              {long('nextSteps', t('public-site:fields.nextSteps'), t('public-site:hints.nextSteps'))}
            </Section>
            <RightsSection
              values={values.rights}
              onChange={(rights) => set('rights', rights)}
              language={language}
              error={error('rights')}
            />
            <EmergencySection
              values={values.emergencyNumbers}
              onChange={(numbers) => set('emergencyNumbers', numbers)}
              language={language}
              error={error('emergencyNumbers')}
            />
            <Section title={t('public-site:editor.sections.data')}>
              {long('dataUse', t('public-site:fields.dataUse'), t('public-site:hints.dataUse'))}
            </Section>
            <LabelsSection
              values={values.labels}
              onChange={(labels) => set('labels', labels)}
              language={language}
              error={error('labels')}
            />
            <Group>
              <Button
                type="submit"
                loading={save.isPending}
                leftSection={<IconDeviceFloppy size={16} aria-hidden="true" />}
              >
                {t('public-site:editor.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </>
  );
}

interface ListProps<T> {
  values: T[];
  onChange(values: T[]): void;
  language: PageLanguage;
  error: string | undefined;
}

function RightsSection({ values, onChange, language, error }: ListProps<Right>) {
  const { t } = useT();
  const dir = pageDirectionOf(language);
  const topicLabels: Record<Right['topic'], string> = {
    asylum: t('public-site:topics.asylum'),
    guardian: t('public-site:topics.guardian'),
    school: t('public-site:topics.school'),
    health: t('public-site:topics.health'),
    family: t('public-site:topics.family'),
    other: t('public-site:topics.other'),
  };
  const update = (index: number, change: Partial<Right>) =>
    onChange(values.map((v, i) => (i === index ? { ...v, ...change } : v)));
  return (
    <Section
      title={t('public-site:editor.sections.rights')}
      description={t('public-site:hints.rights')}
      actions={
        values.length < 12 && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => onChange([...values, { topic: 'other', text: '' }])}
          >
            {t('public-site:editor.addRight')}
          </Button>
        )
      }
    >
      {error && <ErrorLine>{error}</ErrorLine>}
      {values.map((right, index) => (
        // Statements have no identity of their own: their place in the list is what the page shows.
        // biome-ignore lint/suspicious/noArrayIndexKey: see above
        <Group key={index} align="flex-end" gap="sm" wrap="nowrap">
          <NativeSelect
            label={t('public-site:fields.topic', { n: index + 1 })}
            value={right.topic}
            onChange={(e) => update(index, { topic: e.currentTarget.value as Right['topic'] })}
            data={rightTopics.map((topic) => ({ value: topic, label: topicLabels[topic] }))}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t('public-site:fields.rightText', { n: index + 1 })}
            required
            value={right.text}
            onChange={(e) => update(index, { text: e.currentTarget.value })}
            lang={language}
            dir={dir}
          />
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('public-site:editor.removeRight', { n: index + 1 })}
            onClick={() => onChange(values.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
    </Section>
  );
}

function EmergencySection({ values, onChange, language, error }: ListProps<Emergency>) {
  const { t } = useT();
  const dir = pageDirectionOf(language);
  const update = (index: number, change: Partial<Emergency>) =>
    onChange(values.map((v, i) => (i === index ? { ...v, ...change } : v)));
  return (
    <Section
      title={t('public-site:editor.sections.emergency')}
      description={t('public-site:hints.emergency')}
      actions={
        values.length < 10 && (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconPlus size={14} aria-hidden="true" />}
            onClick={() => onChange([...values, { label: '', number: '' }])}
          >
            {t('public-site:editor.addNumber')}
          </Button>
        )
      }
    >
      {error && <ErrorLine>{error}</ErrorLine>}
      {values.length === 0 && <Text size="sm">{t('public-site:editor.noNumbers')}</Text>}
      {values.map((entry, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: numbers have no identity but their place in the list
        <Group key={index} align="flex-end" gap="sm" wrap="nowrap">
          <TextInput
            style={{ flex: 2 }}
            label={t('public-site:fields.numberLabel', { n: index + 1 })}
            required
            value={entry.label}
            onChange={(e) => update(index, { label: e.currentTarget.value })}
            lang={language}
            dir={dir}
          />
          <TextInput
            style={{ flex: 1 }}
            label={t('public-site:fields.number', { n: index + 1 })}
            required
            value={entry.number}
            onChange={(e) => update(index, { number: e.currentTarget.value })}
            dir="ltr"
            inputMode="tel"
          />
          <ActionIcon
            variant="default"
            size="lg"
            aria-label={t('public-site:editor.removeNumber', { n: index + 1 })}
            onClick={() => onChange(values.filter((_, i) => i !== index))}
          >
            <IconTrash size={16} aria-hidden="true" />
          </ActionIcon>
        </Group>
      ))}
    </Section>
  );
}

function LabelsSection({
  values,
  onChange,
  language,
  error,
}: {
  values: Record<LabelKey, string>;
  onChange(values: Record<LabelKey, string>): void;
  language: PageLanguage;
  error: string | undefined;
}) {
  const { t } = useT();
  const names: Record<LabelKey, string> = {
    about: t('public-site:labels.about'),
    promise: t('public-site:labels.promise'),
    whoCanAsk: t('public-site:labels.whoCanAsk'),
    howToReach: t('public-site:labels.howToReach'),
    phone: t('public-site:labels.phone'),
    email: t('public-site:labels.email'),
    address: t('public-site:labels.address'),
    hours: t('public-site:labels.hours'),
    website: t('public-site:labels.website'),
    complaintForm: t('public-site:labels.complaintForm'),
    nextSteps: t('public-site:labels.nextSteps'),
    rights: t('public-site:labels.rights'),
    emergency: t('public-site:labels.emergency'),
    dataUse: t('public-site:labels.dataUse'),
    languages: t('public-site:labels.languages'),
    skipToContent: t('public-site:labels.skipToContent'),
  };
  return (
    <Section title={t('public-site:editor.sections.labels')} description={t('public-site:hints.labels')}>
      {error && <ErrorLine>{error}</ErrorLine>}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {childPageLabelKeys.map((key) => (
          <TextInput
            key={key}
            label={names[key]}
            required
            value={values[key]}
            onChange={(e) => onChange({ ...values, [key]: e.currentTarget.value })}
            lang={language}
            dir={pageDirectionOf(language)}
          />
        ))}
      </SimpleGrid>
    </Section>
  );
}

function ErrorLine({ children }: { children: ReactNode }) {
  return (
    <Text size="sm" c="red" role="alert">
      {children}
    </Text>
  );
}

/** The next steps a page may take, each asked for again before it is taken. */
const moves: Record<ChildPageStatus, ChildPageStatus[]> = {
  draft: ['reviewed'],
  reviewed: ['published', 'draft'],
  published: ['draft'],
};

/** `unsaved`: the form holds changes; a page is moved only as saved, so that what is published is what was read. */
function StatusSection({
  institutionId,
  language,
  page,
  unsaved,
}: {
  institutionId: string;
  language: PageLanguage;
  page: ChildPage;
  unsaved: boolean;
}) {
  const { t } = useT();
  const format = useFormat();
  const change = useChangeChildPageStatus(institutionId, language);
  const [asking, setAsking] = useState<ChildPageStatus | null>(null);
  const languageName = pageLanguageName(language);
  const texts: Record<ChildPageStatus, { button: string; title: string; message: string; done: string }> = {
    reviewed: {
      button: t('public-site:status.markReviewed'),
      title: t('public-site:status.confirmReviewedTitle'),
      message: t('public-site:status.confirmReviewed', { language: languageName }),
      done: t('public-site:status.doneReviewed'),
    },
    published: {
      button: t('public-site:status.publish'),
      title: t('public-site:status.confirmPublishTitle'),
      message: t('public-site:status.confirmPublish', { language: languageName }),
      done: t('public-site:status.donePublished'),
    },
    draft: {
      button: t('public-site:status.backToDraft'),
      title: t('public-site:status.confirmDraftTitle'),
      message: t('public-site:status.confirmDraft', { language: languageName }),
      done: t('public-site:status.doneDraft'),
    },
  };
  const close = () => {
    setAsking(null);
    change.reset();
  };
  const confirm = () => {
    if (!asking) return;
    const done = texts[asking].done;
    change.mutate(
      { status: asking, version: page.version },
      {
        onSuccess: () => {
          notifySuccess(done);
          setAsking(null);
        },
      },
    );
  };
  return (
    <Section title={t('public-site:status.title')}>
      <DetailList
        items={[
          { label: t('public-site:list.status'), value: <StatusBadge status={page.status} /> },
          {
            label: t('public-site:list.reviewed'),
            value: page.reviewedAt
              ? t('public-site:status.byOn', { who: page.reviewedBy ?? '—', when: format.dateTime(page.reviewedAt) })
              : null,
          },
          {
            label: t('public-site:list.published'),
            value: page.publishedAt
              ? t('public-site:status.byOn', { who: page.publishedBy ?? '—', when: format.dateTime(page.publishedAt) })
              : null,
          },
        ]}
      />
      {unsaved && <Text size="sm">{t('public-site:status.saveFirst')}</Text>}
      <Group gap="sm">
        {moves[page.status].map((status) => (
          <Button
            key={status}
            variant={status === 'draft' ? 'default' : 'filled'}
            disabled={unsaved}
            onClick={() => setAsking(status)}
          >
            {texts[status].button}
          </Button>
        ))}
      </Group>
      <ConfirmDialog
        opened={asking !== null}
        onClose={close}
        title={asking ? texts[asking].title : ''}
        message={asking ? texts[asking].message : ''}
        confirmLabel={asking ? texts[asking].button : ''}
        onConfirm={confirm}
        pending={change.isPending}
        error={change.error}
      />
    </Section>
  );
}
