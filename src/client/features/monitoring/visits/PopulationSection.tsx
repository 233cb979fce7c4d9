import { Button, Group, NumberInput, SimpleGrid, Stack, Text } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import type { Population, Visit } from '../../../../shared/contract/monitoring';
import { ApiError, fieldError } from '../../../api/http';
import { MutationAlert } from '../../../components/MutationAlert';
import { notifySuccess } from '../../../components/notify';
import { Section } from '../../../components/Section';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { useAdoptVisit, useSaveVisit } from './api';

type Field = keyof Population;
type Values = Record<Field, number | string>;

const bandFields = ['age0to5', 'age6to11', 'age12to14', 'age15to17'] as const satisfies readonly Field[];

const valuesOf = (population: Population): Values => ({
  total: population.total ?? '',
  children: population.children ?? '',
  unaccompanied: population.unaccompanied ?? '',
  girls: population.girls ?? '',
  age0to5: population.age0to5 ?? '',
  age6to11: population.age6to11 ?? '',
  age12to14: population.age12to14 ?? '',
  age15to17: population.age15to17 ?? '',
});

const numberOf = (value: number | string): number | null => (typeof value === 'number' ? value : null);

function populationOf(values: Values): Population {
  return {
    total: numberOf(values.total),
    children: numberOf(values.children),
    unaccompanied: numberOf(values.unaccompanied),
    girls: numberOf(values.girls),
    age0to5: numberOf(values.age0to5),
    age6to11: numberOf(values.age6to11),
    age12to14: numberOf(values.age12to14),
    age15to17: numberOf(values.age15to17),
  };
}

/** The server's rule, checked as one types: children within the total; the rest within the children. */
function problemsOf(
  p: Population,
): Partial<Record<Field, 'moreThanTotal' | 'moreThanChildren' | 'bandsMoreThanChildren'>> {
  const problems: Partial<Record<Field, 'moreThanTotal' | 'moreThanChildren' | 'bandsMoreThanChildren'>> = {};
  if (p.children !== null && p.total !== null && p.children > p.total) problems.children = 'moreThanTotal';
  if (p.children !== null) {
    if (p.unaccompanied !== null && p.unaccompanied > p.children) problems.unaccompanied = 'moreThanChildren';
    if (p.girls !== null && p.girls > p.children) problems.girls = 'moreThanChildren';
    const bands = bandFields.reduce((sum, field) => sum + (p[field] ?? 0), 0);
    if (bands > p.children) problems.age15to17 = 'bandsMoreThanChildren';
  }
  return problems;
}

/**
 * The people held on the day, as counts only (never a child's record): the total, the children among them, and
 * within the children the unaccompanied or separated, the girls and the age bands.
 */
export function PopulationSection({ visit }: { visit: Visit }) {
  const { t } = useT();
  const format = useFormat();
  const save = useSaveVisit(visit.id);
  const adopt = useAdoptVisit();
  const [values, setValues] = useState(() => valuesOf(visit.population));
  const [editedFrom, setEditedFrom] = useState(visit.version);
  const [dirty, setDirty] = useState(false);
  const population = populationOf(values);
  const problems = problemsOf(population);
  const bandsTotal = bandFields.reduce((sum, field) => sum + (population[field] ?? 0), 0);
  const editable = visit.can.edit;

  // The visit changed meanwhile (another form, another person) and nothing was typed here: show it as it is now.
  // Once something is typed, the version it was typed over stays, and a stale save gets the server's 409.
  if (editedFrom !== visit.version && !dirty && !save.isPending) {
    setEditedFrom(visit.version);
    setValues(valuesOf(visit.population));
  }

  const messages = {
    moreThanTotal: t('monitoring:population.moreThanTotal'),
    moreThanChildren: t('monitoring:population.moreThanChildren'),
    bandsMoreThanChildren: t('monitoring:population.bandsMoreThanChildren'),
  };
  const errorOf = (field: Field) => {
    const problem = problems[field];
    return problem ? messages[problem] : fieldError(save.error, `population.${field}`);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (Object.keys(problems).length > 0) return;
    save.mutate(
      { population, version: editedFrom },
      {
        onSuccess: (saved) => {
          setEditedFrom(saved.version);
          setValues(valuesOf(saved.population));
          setDirty(false);
          save.reset();
          notifySuccess(t('monitoring:population.saved'));
        },
      },
    );
  };
  const reload = () => {
    const current = save.error instanceof ApiError ? save.error.current<Visit>() : undefined;
    adopt(current, visit.id);
    if (current) {
      setEditedFrom(current.version);
      setValues(valuesOf(current.population));
      setDirty(false);
    }
    save.reset();
  };

  const input = (field: Field, label: string, description?: string) => (
    <NumberInput
      label={label}
      description={description}
      value={values[field]}
      onChange={(value) => {
        setValues((v) => ({ ...v, [field]: value }));
        setDirty(true);
      }}
      min={0}
      max={1_000_000}
      allowDecimal={false}
      allowNegative={false}
      readOnly={!editable}
      error={errorOf(field)}
    />
  );

  return (
    <Section title={t('monitoring:population.title')} description={t('monitoring:population.intro')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <MutationAlert error={save.error} onReload={reload} />
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {input('total', t('monitoring:population.total'), t('monitoring:population.totalHint'))}
            {input('children', t('monitoring:population.children'), t('monitoring:population.childrenHint'))}
            {input(
              'unaccompanied',
              t('monitoring:population.unaccompanied'),
              t('monitoring:population.withinChildren'),
            )}
            {input('girls', t('monitoring:population.girls'), t('monitoring:population.withinChildren'))}
          </SimpleGrid>
          <Text fw={600} size="sm">
            {t('monitoring:population.ageBands')}
          </Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            {input('age0to5', t('monitoring:ageBand.age_0_5'))}
            {input('age6to11', t('monitoring:ageBand.age_6_11'))}
            {input('age12to14', t('monitoring:ageBand.age_12_14'))}
            {input('age15to17', t('monitoring:ageBand.age_15_17'))}
          </SimpleGrid>
          <Text size="sm" c="dimmed" role="status" aria-live="polite">
            {population.children === null
              ? t('monitoring:population.bandsTotal', { total: format.number(bandsTotal) })
              : t('monitoring:population.bandsOfChildren', {
                  total: format.number(bandsTotal),
                  children: format.number(population.children),
                })}
          </Text>
          {editable && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t('monitoring:population.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Section>
  );
}
