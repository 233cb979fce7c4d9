import { Button, Group, MultiSelect, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { IconFileAnalytics } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { type ReportLanguage, reportLanguages } from '../../../shared/contract/reports';
import { fieldError } from '../../api/http';
import { MutationAlert } from '../../components/MutationAlert';
import { notifySuccess } from '../../components/notify';
import { useLocalizedText } from '../../i18n/localized';
import { useT } from '../../i18n/use-t';
import { useInstitutionOptions, useRequestReport } from './api';

const languageLabels = { fr: 'reports:languages.fr', en: 'reports:languages.en' } as const;

export interface Period {
  from: string;
  to: string;
}

/** The request: a period (the plan's by default), French or English, and optionally some institutions. */
export function RequestReportForm({ initial }: { initial: Period }) {
  const { t, i18n } = useT();
  const localized = useLocalizedText();
  const request = useRequestReport();
  const institutions = useInstitutionOptions();
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [language, setLanguage] = useState<ReportLanguage>(i18n.language === 'en' ? 'en' : 'fr');
  const [institutionIds, setInstitutionIds] = useState<string[]>([]);
  const error = (name: string) => fieldError(request.error, name);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    request.mutate(
      { from, to, language, ...(institutionIds.length > 0 ? { institutionIds } : {}) },
      {
        onSuccess: () => {
          notifySuccess(t('reports:form.queued'));
          request.reset();
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <MutationAlert error={request.error} />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            type="date"
            label={t('reports:form.from')}
            value={from}
            onChange={(e) => setFrom(e.currentTarget.value)}
            error={error('from')}
            withAsterisk
          />
          <TextInput
            type="date"
            label={t('reports:form.to')}
            value={to}
            onChange={(e) => setTo(e.currentTarget.value)}
            error={error('to')}
            withAsterisk
          />
          <NativeSelect
            label={t('reports:form.language')}
            value={language}
            onChange={(e) => setLanguage(e.currentTarget.value as ReportLanguage)}
            data={reportLanguages.map((value) => ({ value, label: t(languageLabels[value]) }))}
            error={error('language')}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('reports:form.institutions')}
          description={t('reports:form.institutionsHint')}
          placeholder={institutionIds.length === 0 ? t('reports:form.institutionsPlaceholder') : undefined}
          data={(institutions.data?.items ?? []).map((i) => ({ value: i.id, label: localized(i.nameFr, i.nameEn) }))}
          value={institutionIds}
          onChange={setInstitutionIds}
          error={error('institutionIds')}
          searchable
          clearable
        />
        <Group justify="flex-end">
          <Button
            type="submit"
            loading={request.isPending}
            leftSection={<IconFileAnalytics size={16} aria-hidden="true" />}
          >
            {t('reports:form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
