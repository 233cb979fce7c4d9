import { Button, Menu } from '@mantine/core';
import { IconChevronDown, IconPlus } from '@tabler/icons-react';
import { useT } from '../../../i18n/use-t';
import { useCan } from '../../../session/session';
import { type ActivityKind, kindLabels, kindList } from '../shared/labels';

/** Any role that writes records may record an activity for its institution; the server checks the owner. */
export function useCanCreateActivity(): boolean {
  return useCan('write:record:any', 'write:record:network', 'write:record:own');
}

/** "New activity", then which kind: each kind has its own form. */
export function NewActivityMenu({ onChoose }: { onChoose: (kind: ActivityKind) => void }) {
  const { t } = useT();
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          leftSection={<IconPlus size={16} aria-hidden="true" />}
          rightSection={<IconChevronDown size={16} aria-hidden="true" />}
        >
          {t('activities:list.create')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {kindList.map((kind) => (
          <Menu.Item key={kind} onClick={() => onChoose(kind)}>
            {t(kindLabels[kind])}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
