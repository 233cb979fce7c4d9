import { Button } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import type { Action } from '../../../../shared/contract/plan';
import { notifyError, notifySuccess } from '../../../components/notify';
import { useT } from '../../../i18n/use-t';
import { useSetActionStatus } from './api';

/**
 * "Done" in one click, for an action the user may edit that is not done yet; today becomes its completion date.
 * The accessible name starts with the visible label (WCAG 2.5.3) and names the action, for lists of several.
 */
export function MarkDoneButton({ action, size = 'xs' }: { action: Action; size?: 'xs' | 'sm' }) {
  const { t } = useT();
  const setStatus = useSetActionStatus();
  if (!action.can.edit || action.status === 'done') return null;
  return (
    <Button
      size={size}
      variant={size === 'xs' ? 'subtle' : 'filled'}
      // The darkest teal keeps white text (filled) and teal text (subtle) above 4.5:1.
      color="teal.9"
      leftSection={<IconCheck size={14} aria-hidden="true" />}
      loading={setStatus.isPending}
      aria-label={t('plan:actions.markDoneNamed', { title: action.title })}
      onClick={() =>
        setStatus.mutate(
          { action, status: 'done' },
          {
            onSuccess: (updated) => notifySuccess(t('plan:actions.markedDone', { title: updated.title })),
            onError: notifyError,
          },
        )
      }
    >
      {t('plan:actions.markDone')}
    </Button>
  );
}
