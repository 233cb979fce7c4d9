import { ActionIcon, CopyButton, TextInput, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useT } from '../i18n/use-t';

interface CopyableValueProps {
  label: string;
  value: string;
  description?: string;
}

/** A secret or link shown once: read-only, selected on focus, with a copy button that confirms aloud. */
export function CopyableValue({ label, value, description }: CopyableValueProps) {
  const { t } = useT();
  return (
    <CopyButton value={value} timeout={3000}>
      {({ copied, copy }) => (
        <>
          <TextInput
            label={label}
            description={description}
            value={value}
            readOnly
            onFocus={(event) => event.currentTarget.select()}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            rightSection={
              <Tooltip label={copied ? t('common:actions.copied') : t('common:actions.copy')}>
                <ActionIcon
                  variant="subtle"
                  color={copied ? 'teal' : 'gray'}
                  onClick={copy}
                  aria-label={t('common:actions.copyValue', { label })}
                >
                  {copied ? <IconCheck size={18} aria-hidden="true" /> : <IconCopy size={18} aria-hidden="true" />}
                </ActionIcon>
              </Tooltip>
            }
          />
          <VisuallyHidden role="status" aria-live="polite">
            {copied ? t('common:actions.copied') : ''}
          </VisuallyHidden>
        </>
      )}
    </CopyButton>
  );
}
