import { Button, Group, NativeSelect, Stack, Textarea } from '@mantine/core';
import { IconBold, IconHeading, IconItalic, IconList } from '@tabler/icons-react';
import { useMemo, useRef } from 'react';
import { browserTimeZone } from '../../../i18n/event-time';
import { useT } from '../../../i18n/use-t';

/** Lists of short texts (trainers, places visited, decisions) are typed one per line. */
export function linesOf(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

interface LinesFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
  description?: string;
}

export function LinesField({ label, value, onChange, error, description }: LinesFieldProps) {
  const { t } = useT();
  return (
    <Textarea
      label={label}
      description={description ?? t('activities:form.onePerLine')}
      autosize
      minRows={2}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

interface RichTextFieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  error?: string | undefined;
}

/**
 * Long text with a few marks (see rich-text.ts). The buttons put the marks around the selection, or at the start
 * of the line for a list item or a heading, so nobody has to remember them.
 */
export function RichTextField({ label, value, onChange, error }: RichTextFieldProps) {
  const { t } = useT();
  const ref = useRef<HTMLTextAreaElement>(null);
  const wrap = (mark: string) => {
    const area = ref.current;
    if (!area) return;
    const { selectionStart: start, selectionEnd: end } = area;
    const next = `${value.slice(0, start)}${mark}${value.slice(start, end)}${mark}${value.slice(end)}`;
    onChange(next);
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(start + mark.length, end + mark.length);
    });
  };
  const prefixLine = (prefix: string) => {
    const area = ref.current;
    if (!area) return;
    const lineStart = value.lastIndexOf('\n', area.selectionStart - 1) + 1;
    onChange(`${value.slice(0, lineStart)}${prefix}${value.slice(lineStart)}`);
    const caret = area.selectionStart + prefix.length;
    requestAnimationFrame(() => {
      area.focus();
      area.setSelectionRange(caret, caret);
    });
  };
  return (
    <Stack gap={4}>
      <Textarea
        ref={ref}
        label={label}
        description={t('activities:form.richTextHint')}
        autosize
        minRows={5}
        value={value}
        onChange={(e) => onChange(e.currentTarget.value)}
        error={error}
      />
      <Group gap={4} role="toolbar" aria-label={t('activities:form.formatting', { field: label })}>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => wrap('**')}
          leftSection={<IconBold size={14} aria-hidden="true" />}
        >
          {t('activities:form.bold')}
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => wrap('*')}
          leftSection={<IconItalic size={14} aria-hidden="true" />}
        >
          {t('activities:form.italic')}
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => prefixLine('- ')}
          leftSection={<IconList size={14} aria-hidden="true" />}
        >
          {t('activities:form.listItem')}
        </Button>
        <Button
          size="compact-xs"
          variant="default"
          onClick={() => prefixLine('### ')}
          leftSection={<IconHeading size={14} aria-hidden="true" />}
        >
          {t('activities:form.heading')}
        </Button>
      </Group>
    </Stack>
  );
}

/** Every zone the browser knows, the reader's own first; UTC included, which the list leaves out. */
function useTimeZones(current: string): string[] {
  return useMemo(() => {
    const zones = new Set([browserTimeZone(), current, 'UTC', ...Intl.supportedValuesOf('timeZone')]);
    return [...zones];
  }, [current]);
}

export function TimeZoneSelect({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (zone: string) => void;
  error?: string | undefined;
}) {
  const { t } = useT();
  const zones = useTimeZones(value);
  return (
    <NativeSelect
      label={t('activities:form.timeZone')}
      description={t('activities:form.timeZoneHint')}
      data={zones}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}
