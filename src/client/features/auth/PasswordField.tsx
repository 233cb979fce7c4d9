import { PasswordInput } from '@mantine/core';
import { useT } from '../../i18n/use-t';

interface PasswordFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  autoComplete: 'current-password' | 'new-password';
  error?: string;
  description?: string;
}

/** A password input whose show/hide button is named in the interface language and reachable by keyboard. */
export function PasswordField({ label, value, onChange, autoComplete, error, description }: PasswordFieldProps) {
  const { t } = useT();
  return (
    <PasswordInput
      label={label}
      description={description}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      autoComplete={autoComplete}
      error={error}
      withAsterisk
      visibilityToggleFocusable
      visibilityToggleButtonProps={{ 'aria-label': t('auth:password.toggleVisibility') }}
    />
  );
}
