import { Table } from '@mantine/core';
import type { Activity } from '../../../../shared/contract/activities';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { audienceLabels, audienceList, sexLabels, sexList } from '../shared/labels';

type Training = Extract<Activity, { kind: 'training' }>;

/** Trainees by audience and sex, with totals: counts only, never names. */
export function TrainingParticipants({ activity }: { activity: Training }) {
  const { t } = useT();
  const format = useFormat();
  const { participants } = activity.details;
  const count = (audience: string, sex: string) =>
    participants.filter((p) => p.audience === audience && p.sex === sex).reduce((sum, p) => sum + p.count, 0);
  const audiences = audienceList.filter((audience) => participants.some((p) => p.audience === audience));
  const sexes = sexList.filter((sex) => participants.some((p) => p.sex === sex));
  const total = participants.reduce((sum, p) => sum + p.count, 0);
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table withTableBorder verticalSpacing={4} data-testid="training-participants">
        <Table.Caption>{t('activities:training.participantsCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('activities:training.audience')}</Table.Th>
            {sexes.map((sex) => (
              <Table.Th key={sex}>{t(sexLabels[sex])}</Table.Th>
            ))}
            <Table.Th>{t('activities:training.total')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {audiences.map((audience) => (
            <Table.Tr key={audience}>
              <Table.Th scope="row">{t(audienceLabels[audience])}</Table.Th>
              {sexes.map((sex) => (
                <Table.Td key={sex}>{format.number(count(audience, sex))}</Table.Td>
              ))}
              <Table.Td fw={600}>{format.number(sexes.reduce((sum, sex) => sum + count(audience, sex), 0))}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row">{t('activities:training.total')}</Table.Th>
            {sexes.map((sex) => (
              <Table.Td key={sex} fw={600}>
                {format.number(audiences.reduce((sum, audience) => sum + count(audience, sex), 0))}
              </Table.Td>
            ))}
            <Table.Td fw={700}>{format.number(total)}</Table.Td>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
