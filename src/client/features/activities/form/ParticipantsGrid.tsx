import { Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { audienceLabels, type ParticipantSex, sexLabels, sexList, type TrainingAudience } from '../shared/labels';

/** Counts typed in the grid, by `audience.sex`; an empty cell is no one. */
export type ParticipantCounts = Partial<Record<`${TrainingAudience}.${ParticipantSex}`, string>>;

export function countOf(counts: ParticipantCounts, audience: TrainingAudience, sex: ParticipantSex): number {
  const n = Number(counts[`${audience}.${sex}`] ?? '');
  return Number.isInteger(n) && n > 0 ? n : 0;
}

interface ParticipantsGridProps {
  audiences: TrainingAudience[];
  counts: ParticipantCounts;
  onChange: (counts: ParticipantCounts) => void;
  error?: string | undefined;
}

/** Trainees by audience and sex: one row per audience chosen, totals per row, per column and overall. */
export function ParticipantsGrid({ audiences, counts, onChange, error }: ParticipantsGridProps) {
  const { t } = useT();
  const format = useFormat();
  if (audiences.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('activities:training.chooseAudiences')}
      </Text>
    );
  }
  const rowTotal = (audience: TrainingAudience) =>
    sexList.reduce((sum, sex) => sum + countOf(counts, audience, sex), 0);
  const columnTotal = (sex: ParticipantSex) =>
    audiences.reduce((sum, audience) => sum + countOf(counts, audience, sex), 0);
  const total = audiences.reduce((sum, audience) => sum + rowTotal(audience), 0);
  return (
    <>
      <Table.ScrollContainer minWidth={560}>
        <Table withTableBorder verticalSpacing={4} data-testid="participants-grid">
          <Table.Caption>{t('activities:training.participantsCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>
                <VisuallyHidden>{t('activities:training.audience')}</VisuallyHidden>
              </Table.Th>
              {sexList.map((sex) => (
                <Table.Th key={sex}>{t(sexLabels[sex])}</Table.Th>
              ))}
              <Table.Th>{t('activities:training.total')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {audiences.map((audience) => (
              <Table.Tr key={audience}>
                <Table.Th scope="row">{t(audienceLabels[audience])}</Table.Th>
                {sexList.map((sex) => (
                  <Table.Td key={sex}>
                    <TextInput
                      type="number"
                      min={0}
                      inputMode="numeric"
                      size="xs"
                      w={80}
                      aria-label={t('activities:training.cellLabel', {
                        audience: t(audienceLabels[audience]),
                        sex: t(sexLabels[sex]),
                      })}
                      value={counts[`${audience}.${sex}`] ?? ''}
                      onChange={(e) => onChange({ ...counts, [`${audience}.${sex}`]: e.currentTarget.value })}
                    />
                  </Table.Td>
                ))}
                <Table.Td fw={600}>{format.number(rowTotal(audience))}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
          <Table.Tfoot>
            <Table.Tr>
              <Table.Th scope="row">{t('activities:training.total')}</Table.Th>
              {sexList.map((sex) => (
                <Table.Td key={sex} fw={600}>
                  {format.number(columnTotal(sex))}
                </Table.Td>
              ))}
              <Table.Td fw={700} data-testid="participants-total">
                {format.number(total)}
              </Table.Td>
            </Table.Tr>
          </Table.Tfoot>
        </Table>
      </Table.ScrollContainer>
      {error && (
        <Text size="sm" c="red" role="alert">
          {error}
        </Text>
      )}
    </>
  );
}
