import { Badge, NativeSelect, Tooltip, VisuallyHidden } from '@mantine/core';
import { IconBuilding, IconLock, IconUsersGroup, IconWorld } from '@tabler/icons-react';
import { type Visibility, visibilities } from '../../shared/roles';
import { useT } from '../i18n/use-t';

const labels = {
  institution: 'common:visibility.institution',
  group: 'common:visibility.group',
  partners: 'common:visibility.partners',
  public: 'common:visibility.public',
} as const satisfies Record<Visibility, string>;

const descriptions = {
  institution: 'common:visibilityHint.institution',
  group: 'common:visibilityHint.group',
  partners: 'common:visibilityHint.partners',
  public: 'common:visibilityHint.public',
} as const satisfies Record<Visibility, string>;

const appearance = {
  institution: { color: 'grape', Icon: IconLock },
  group: { color: 'blue', Icon: IconUsersGroup },
  partners: { color: 'indigo', Icon: IconBuilding },
  public: { color: 'gray', Icon: IconWorld },
} as const satisfies Record<Visibility, unknown>;

/** Who may see a record: a short label, with the full explanation as a tooltip and for screen readers. */
export function VisibilityBadge({ value }: { value: Visibility }) {
  const { t } = useT();
  const { color, Icon } = appearance[value];
  return (
    <Tooltip label={t(descriptions[value])} events={{ hover: true, focus: true, touch: true }} multiline maw={320}>
      <Badge variant="light" color={color} leftSection={<Icon size={12} aria-hidden="true" />} tabIndex={0}>
        {t(labels[value])}
        <VisuallyHidden> ({t(descriptions[value])})</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}

interface VisibilitySelectProps {
  value: Visibility;
  onChange: (value: Visibility) => void;
  error?: string;
}

/** Picks who may see a record, and explains the choice under the input. */
export function VisibilitySelect({ value, onChange, error }: VisibilitySelectProps) {
  const { t } = useT();
  return (
    <NativeSelect
      label={t('common:visibility.label')}
      description={t(descriptions[value])}
      data={visibilities.map((v) => ({ value: v, label: t(labels[v]) }))}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as Visibility)}
      error={error}
    />
  );
}
