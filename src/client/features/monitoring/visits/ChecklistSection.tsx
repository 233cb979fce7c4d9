import { Badge, Button, Fieldset, Group, NativeSelect, Radio, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Visit, VisitChecklist } from '../../../../shared/contract/monitoring';
import { MutationAlert } from '../../../components/MutationAlert';
import { notifySuccess } from '../../../components/notify';
import { EmptyMessage, ErrorState, LoadingState } from '../../../components/QueryStates';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../i18n/format';
import { useLocalizedLang, useLocalizedText } from '../../../i18n/localized';
import { useT } from '../../../i18n/use-t';
import { answerLabels, answerList, type ChecklistAnswer } from '../shared/labels';
import { useTemplates } from '../templates/api';
import { useSaveAnswers, useStartChecklist, useVisitChecklist } from './api';

interface Answer {
  answer: ChecklistAnswer | null;
  note: string;
}
type Answers = Record<string, Answer>;

function answersOf(checklist: VisitChecklist): Answers {
  const answers: Answers = {};
  for (const theme of checklist.themes) {
    for (const question of theme.questions)
      answers[question.id] = { answer: question.answer, note: question.note ?? '' };
  }
  return answers;
}

/** Picks a template and copies its questions into the visit: the visit keeps that copy whatever the template becomes. */
function StartChecklist({ visit, checklist }: { visit: Visit; checklist: VisitChecklist }) {
  const { t } = useT();
  const localized = useLocalizedText();
  const templates = useTemplates({ active: 'true', pageSize: 100, sort: 'name' });
  const start = useStartChecklist(visit.id);
  const options = (templates.data?.items ?? []).map((tpl) => ({
    value: tpl.id,
    label: localized(tpl.nameFr, tpl.nameEn),
  }));
  const [templateId, setTemplateId] = useState('');
  const chosen = templateId || (options[0]?.value ?? '');
  if (!checklist.can.edit) return <EmptyMessage title={t('monitoring:checklist.notStarted')} />;
  return (
    <Stack gap="md" align="flex-start">
      <Text size="sm">{t('monitoring:checklist.startIntro')}</Text>
      <MutationAlert error={start.error} />
      <NativeSelect
        label={t('monitoring:checklist.template')}
        data={options}
        value={chosen}
        onChange={(e) => setTemplateId(e.currentTarget.value)}
        disabled={templates.isPending}
        miw={320}
      />
      <Button
        onClick={() =>
          start.mutate(
            { templateId: chosen, version: checklist.version },
            { onSuccess: () => notifySuccess(t('monitoring:checklist.started')) },
          )
        }
        loading={start.isPending}
        disabled={chosen === ''}
      >
        {t('monitoring:checklist.start')}
      </Button>
    </Stack>
  );
}

/**
 * The visit's checklist: one group per theme, each question answered yes, partly, no or not observed, with a note.
 * One save sends what changed; it names the visit's version, so a stale save is refused and nothing is lost.
 */
export function ChecklistSection({ visit }: { visit: Visit }) {
  const { t } = useT();
  const query = useVisitChecklist(visit.id);
  return (
    <Section title={t('monitoring:checklist.title')} description={t('monitoring:checklist.intro')}>
      {query.isPending ? (
        <LoadingState />
      ) : query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} />
      ) : query.data.startedAt === null ? (
        <StartChecklist visit={visit} checklist={query.data} />
      ) : (
        <ChecklistForm checklist={query.data} refetch={async () => (await query.refetch()).data} />
      )}
    </Section>
  );
}

interface ChecklistFormProps {
  checklist: VisitChecklist;
  refetch: () => Promise<VisitChecklist | undefined>;
}

function ChecklistForm({ checklist, refetch }: ChecklistFormProps) {
  const { t } = useT();
  const format = useFormat();
  const localized = useLocalizedText();
  const langOf = useLocalizedLang();
  const save = useSaveAnswers(checklist.visitId);
  const [answers, setAnswers] = useState(() => answersOf(checklist));
  const [editedFrom, setEditedFrom] = useState(checklist.version);
  const [baseline, setBaseline] = useState(() => answersOf(checklist));
  const changed = Object.keys(answers).filter(
    (id) => answers[id]?.answer !== baseline[id]?.answer || answers[id]?.note !== baseline[id]?.note,
  );
  const editable = checklist.can.edit;

  // The checklist changed meanwhile and nothing was changed here: show it as it is now.
  if (editedFrom !== checklist.version && changed.length === 0 && !save.isPending) {
    setEditedFrom(checklist.version);
    setAnswers(answersOf(checklist));
    setBaseline(answersOf(checklist));
  }

  const set = (id: string, change: Partial<Answer>) =>
    setAnswers((current) => ({ ...current, [id]: { ...(current[id] ?? { answer: null, note: '' }), ...change } }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (changed.length === 0) return;
    save.mutate(
      {
        answers: changed.map((id) => ({ id, answer: answers[id]?.answer ?? null, note: answers[id]?.note ?? '' })),
        version: editedFrom,
      },
      {
        onSuccess: (saved) => {
          setEditedFrom(saved.version);
          setAnswers(answersOf(saved));
          setBaseline(answersOf(saved));
          save.reset();
          notifySuccess(t('monitoring:checklist.saved', { count: changed.length }));
        },
      },
    );
  };

  // After a conflict: the answers as they are now on the server, with this form's own changes kept over them.
  const reload = async () => {
    save.reset();
    const fresh = await refetch();
    if (!fresh) return;
    const server = answersOf(fresh);
    const mine = new Set(changed);
    setEditedFrom(fresh.version);
    setBaseline(server);
    setAnswers((current) => {
      const merged = { ...server };
      for (const id of mine) if (current[id] && merged[id]) merged[id] = current[id];
      return merged;
    });
  };

  const { totals } = checklist;
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="lg">
        <Group gap="xs" role="status" aria-live="polite">
          {answerList.map((answer) => (
            <Badge key={answer} variant="light" color="gray">
              {t(answerLabels[answer])} : {format.number(totals[answer])}
            </Badge>
          ))}
          <Badge variant="light" color="gray">
            {t('monitoring:checklist.unanswered', { count: totals.unanswered })}
          </Badge>
        </Group>
        <MutationAlert error={save.error} onReload={() => void reload()} />
        {checklist.themes.map((theme) => (
          <Fieldset
            key={theme.position}
            legend={
              <span lang={langOf(theme.titleEn)} dir="auto">
                {t('monitoring:checklist.themeLegend', {
                  number: theme.position,
                  title: localized(theme.titleFr, theme.titleEn),
                })}
              </span>
            }
          >
            <Stack gap="lg">
              {theme.questions.map((question) => {
                const value = answers[question.id] ?? { answer: null, note: '' };
                const text = localized(question.textFr, question.textEn);
                return (
                  <Stack key={question.id} gap="xs">
                    <Radio.Group
                      label={<span lang={langOf(question.textEn)}>{text}</span>}
                      description={
                        question.standards.length > 0
                          ? t('monitoring:checklist.standards', { standards: format.list(question.standards) })
                          : undefined
                      }
                      value={value.answer ?? ''}
                      onChange={(answer) => set(question.id, { answer: answer as ChecklistAnswer })}
                      readOnly={!editable}
                    >
                      <Group gap="lg" mt={6}>
                        {answerList.map((answer) => (
                          <Radio key={answer} value={answer} label={t(answerLabels[answer])} disabled={!editable} />
                        ))}
                      </Group>
                    </Radio.Group>
                    <Textarea
                      aria-label={t('monitoring:checklist.note', { question: text })}
                      placeholder={t('monitoring:checklist.notePlaceholder')}
                      autosize
                      minRows={1}
                      value={value.note}
                      onChange={(e) => set(question.id, { note: e.currentTarget.value })}
                      readOnly={!editable}
                    />
                  </Stack>
                );
              })}
            </Stack>
          </Fieldset>
        ))}
        {editable && (
          <Group justify="flex-end" gap="sm" pos="sticky" bottom={0} py="sm" bg="var(--mantine-color-body)">
            <Text size="sm" c="dimmed" role="status" aria-live="polite">
              {t('monitoring:checklist.changed', { count: changed.length })}
            </Text>
            <Button type="submit" loading={save.isPending} disabled={changed.length === 0}>
              {t('monitoring:checklist.save')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
