import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import type { Recommendation } from '../../../../shared/contract/monitoring';
import { DetailList } from '../../../components/DetailList';
import { useFormat } from '../../../i18n/format';
import { useT } from '../../../i18n/use-t';
import { priorityLabels, themeLabels } from '../shared/labels';

/** To whom, on what theme, how urgent, by when, and the earlier recommendation it repeats. */
export function RecommendationDetails({ recommendation }: { recommendation: Recommendation }) {
  const { t } = useT();
  const format = useFormat();
  return (
    <DetailList
      items={[
        { label: t('monitoring:recommendation.addressee'), value: recommendation.addressee },
        { label: t('monitoring:recommendation.theme'), value: t(themeLabels[recommendation.theme]) },
        { label: t('monitoring:recommendation.priority'), value: t(priorityLabels[recommendation.priority]) },
        { label: t('monitoring:recommendation.issuedOn'), value: format.date(recommendation.issuedOn) },
        {
          label: t('monitoring:recommendation.dueOn'),
          value: recommendation.dueOn && format.date(recommendation.dueOn),
        },
        {
          label: t('monitoring:recommendation.repeats'),
          value: recommendation.repeats && (
            <Anchor component={Link} to={`/recommendations/${recommendation.repeats.id}`} size="sm">
              {t('monitoring:recommendation.repeatOption', {
                date: format.date(recommendation.repeats.issuedOn),
                text: recommendation.repeats.text,
              })}
            </Anchor>
          ),
        },
      ]}
    />
  );
}
