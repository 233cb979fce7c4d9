import { NativeSelect, SimpleGrid, Stack, Textarea } from '@mantine/core';
import type { Finding } from '../../../../shared/contract/monitoring';
import { FormModal } from '../../../components/FormModal';
import { useRecordForm } from '../../../components/use-record-form';
import { entriesOf } from '../../../i18n/label-maps';
import { useT } from '../../../i18n/use-t';
import { type FindingSeverity, type MonitoringTheme, severityLabels, themeLabels } from '../shared/labels';
import { type FindingInput, useAdoptFinding, useSaveFinding } from './api';

interface Values {
  theme: MonitoringTheme;
  severity: FindingSeverity;
  text: string;
  standards: string;
  evidence: string;
}

function valuesOf(finding: Finding | undefined): Values {
  return {
    theme: finding?.theme ?? 'legal_basis',
    severity: finding?.severity ?? 'medium',
    text: finding?.text ?? '',
    standards: finding?.standards.join('\n') ?? '',
    evidence: finding?.evidence ?? '',
  };
}

/** Standards are typed one per line ("CRC art. 37(b)"); blank lines are dropped. */
export const linesOf = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

function bodyOf(values: Values): FindingInput {
  return { ...values, standards: linesOf(values.standards) };
}

interface FindingFormModalProps {
  visitId: string;
  finding?: Finding;
  onClose: () => void;
}

/** What the team found on one theme, how serious it is, which standards it falls short of and on what evidence. */
export function FindingFormModal({ visitId, finding, onClose }: FindingFormModalProps) {
  const { t } = useT();
  const save = useSaveFinding(visitId, finding?.id);
  const adopt = useAdoptFinding(visitId);
  const { values, set, error, close, submit, reload } = useRecordForm({
    record: finding,
    valuesOf,
    bodyOf,
    save,
    adopt: () => adopt(),
    savedNotice: finding ? t('common:notices.saved') : t('monitoring:findings.created'),
    onClose,
  });
  return (
    <FormModal
      opened
      onClose={close}
      title={finding ? t('monitoring:findings.editTitle') : t('monitoring:findings.createTitle')}
      submitLabel={finding ? undefined : t('monitoring:findings.create')}
      onSubmit={submit}
      submitting={save.isPending}
      error={save.error}
      onReload={reload}
    >
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('monitoring:finding.theme')}
            value={values.theme}
            onChange={(e) => set('theme', e.currentTarget.value as MonitoringTheme)}
            data={entriesOf(themeLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('theme')}
            data-autofocus
          />
          <NativeSelect
            label={t('monitoring:finding.severity')}
            value={values.severity}
            onChange={(e) => set('severity', e.currentTarget.value as FindingSeverity)}
            data={entriesOf(severityLabels).map(([value, key]) => ({ value, label: t(key) }))}
            error={error('severity')}
          />
        </SimpleGrid>
        <Textarea
          label={t('monitoring:finding.text')}
          autosize
          minRows={3}
          value={values.text}
          onChange={(e) => set('text', e.currentTarget.value)}
          error={error('text')}
          withAsterisk
        />
        <Textarea
          label={t('monitoring:finding.standards')}
          description={t('monitoring:finding.standardsHint')}
          autosize
          minRows={2}
          value={values.standards}
          onChange={(e) => set('standards', e.currentTarget.value)}
          error={error('standards')}
        />
        <Textarea
          label={t('monitoring:finding.evidence')}
          description={t('monitoring:finding.evidenceHint')}
          autosize
          minRows={2}
          value={values.evidence}
          onChange={(e) => set('evidence', e.currentTarget.value)}
          error={error('evidence')}
        />
      </Stack>
    </FormModal>
  );
}
