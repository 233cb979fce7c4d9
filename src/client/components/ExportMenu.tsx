import { Button, Menu, Text } from '@mantine/core';
import { IconDownload, IconFileSpreadsheet, IconFileText } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import type { ExportFormat, ExportListName } from '../../shared/contract/exports';
import { apiDownload } from '../api/http';
import { useT } from '../i18n/use-t';
import { notifyError, notifySuccess } from './notify';
import { saveFile } from './save-file';

interface ExportMenuProps {
  list: ExportListName;
  /** The list's query as the page sends it (`useListParams().query`): paging is dropped, every row is exported. */
  query: Record<string, string | number>;
}

/** Filters, sort and order as the export's `filters`: strings, as they would be in the list's address. */
function filtersOf(query: Record<string, string | number>): Record<string, string> {
  const filters: Record<string, string> = {};
  for (const [key, value] of Object.entries(query)) {
    if (key !== 'page' && key !== 'pageSize' && value !== '') filters[key] = String(value);
  }
  return filters;
}

/** "Export" on a list page: every row matching the current filters, as CSV or XLSX, downloaded. */
export function ExportMenu({ list, query }: ExportMenuProps) {
  const { t } = useT();
  const exporting = useMutation({
    mutationFn: (format: ExportFormat) => apiDownload(`/exports/${list}`, { format, filters: filtersOf(query) }),
    onSuccess: (file) => {
      saveFile(file);
      notifySuccess(t('exports:menu.done', { filename: file.filename }));
    },
    onError: (error) =>
      notifyError(new Error(t('exports:menu.failed', { message: error instanceof Error ? error.message : '' }))),
  });

  return (
    // No focus placeholder: it is a focusable element without a role inside the menu, which axe-core refuses.
    <Menu position="bottom-end" withinPortal withInitialFocusPlaceholder={false}>
      <Menu.Target>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} aria-hidden="true" />}
          loading={exporting.isPending}
          disabled={exporting.isPending}
        >
          {exporting.isPending ? t('exports:menu.exporting') : t('exports:menu.label')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Text size="xs" c="dimmed" px="sm" py={4} maw="18rem">
          {t('exports:menu.hint')}
        </Text>
        <Menu.Item
          leftSection={<IconFileSpreadsheet size={16} aria-hidden="true" />}
          onClick={() => exporting.mutate('xlsx')}
        >
          {t('exports:menu.xlsx')}
        </Menu.Item>
        <Menu.Item leftSection={<IconFileText size={16} aria-hidden="true" />} onClick={() => exporting.mutate('csv')}>
          {t('exports:menu.csv')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
