import { Button, Collapse, Group, NativeSelect, TextInput } from '@mantine/core';
import { useDebouncedCallback, useMediaQuery } from '@mantine/hooks';
import { IconFilter, IconFilterOff, IconSearch } from '@tabler/icons-react';
import { type ReactNode, useEffect, useId, useState } from 'react';
import { useT } from '../i18n/use-t';

interface FiltersBarProps {
  label: string;
  hasFilters: boolean;
  onClear: () => void;
  children: ReactNode;
}

/**
 * The filters of a list, as a search landmark; every value lives in the URL. On a phone they fold behind a
 * button so that the list itself stays in sight.
 */
export function FiltersBar({ label, hasFilters, onClear, children }: FiltersBarProps) {
  const { t } = useT();
  const small = useMediaQuery('(max-width: 48em)');
  const [opened, setOpened] = useState(false);
  const panelId = useId();
  const filters = (
    <Group role="search" aria-label={label} align="flex-end" gap="sm" mb="md" wrap="wrap">
      {children}
      {hasFilters && (
        <Button variant="subtle" leftSection={<IconFilterOff size={16} aria-hidden="true" />} onClick={onClear}>
          {t('common:filters.clear')}
        </Button>
      )}
    </Group>
  );
  if (!small) return filters;
  return (
    <>
      <Button
        variant="default"
        mb="sm"
        leftSection={<IconFilter size={16} aria-hidden="true" />}
        aria-expanded={opened}
        aria-controls={panelId}
        onClick={() => setOpened((o) => !o)}
      >
        {hasFilters ? t('common:filters.toggleActive') : t('common:filters.toggle')}
      </Button>
      <Collapse expanded={opened} id={panelId}>
        {filters}
      </Collapse>
    </>
  );
}

interface SearchFilterProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** Free-text filter: the list follows the typing after a short pause. */
export function SearchFilter({ label, value, onChange }: SearchFilterProps) {
  const [text, setText] = useState(value);
  const commit = useDebouncedCallback(onChange, 350);
  // Follow the URL when it changes from elsewhere (clear filters, back button).
  useEffect(() => setText(value), [value]);
  return (
    <TextInput
      type="search"
      label={label}
      value={text}
      leftSection={<IconSearch size={16} aria-hidden="true" />}
      onChange={(event) => {
        setText(event.currentTarget.value);
        commit(event.currentTarget.value.trim());
      }}
      w={{ base: '100%', sm: 260 }}
    />
  );
}

interface SelectFilterProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  options: { value: string; label: string }[];
}

/** A choice among fixed values; the first option, "All", clears it. */
export function SelectFilter({ label, value, onChange, options }: SelectFilterProps) {
  const { t } = useT();
  return (
    <NativeSelect
      label={label}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      data={[{ value: '', label: t('common:filters.all') }, ...options]}
      w={{ base: '100%', sm: 'auto' }}
      miw={180}
    />
  );
}
