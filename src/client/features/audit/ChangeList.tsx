import { Text, VisuallyHidden } from '@mantine/core';
import { IconArrowNarrowRight } from '@tabler/icons-react';
import { useFormat } from '../../i18n/format';
import { useT } from '../../i18n/use-t';
import classes from './ChangeList.module.css';

const MAX_LENGTH = 240;

type Display = { text: string; full: string } | null;

function useDisplayValue() {
  const { t } = useT();
  const format = useFormat();
  return (value: unknown): Display => {
    if (value === null || value === undefined || value === '') return null;
    let full: string;
    if (typeof value === 'boolean') full = value ? t('audit:diff.yes') : t('audit:diff.no');
    else if (typeof value === 'number') full = format.number(value);
    else if (typeof value === 'string') full = value;
    else full = JSON.stringify(value);
    return { full, text: full.length > MAX_LENGTH ? `${full.slice(0, MAX_LENGTH)}…` : full };
  };
}

function Value({ display, kind }: { display: Display; kind: 'before' | 'after' }) {
  const { t } = useT();
  if (!display) return <span className={classes.empty}>{t('audit:diff.empty')}</span>;
  const Tag = kind === 'before' ? 'del' : 'ins';
  return (
    <Tag className={kind === 'before' ? classes.before : classes.after} title={display.full} dir="auto">
      {display.text}
    </Tag>
  );
}

/** Before → after; a value that appeared (creation) or vanished (deletion) shows alone. */
function Change({ before, after }: { before: unknown; after: unknown }) {
  const { t } = useT();
  const display = useDisplayValue();
  const from = display(before);
  const to = display(after);
  return (
    <>
      {from && (
        <>
          <VisuallyHidden>{t('audit:diff.before')}</VisuallyHidden>
          <Value display={from} kind="before" />
        </>
      )}
      {from && to && <IconArrowNarrowRight size={14} aria-hidden="true" className="flip-in-rtl" />}
      {(to || !from) && (
        <>
          <VisuallyHidden>{t('audit:diff.after')}</VisuallyHidden>
          <Value display={to} kind="after" />
        </>
      )}
    </>
  );
}

/** What one event changed, field by field: the value before, struck out, then the value after. */
export function ChangeList({ changes }: { changes: Record<string, { before: unknown; after: unknown }> }) {
  const { t } = useT();
  const entries = Object.entries(changes);
  if (entries.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('audit:diff.none')}
      </Text>
    );
  }
  return (
    <dl className={classes.list}>
      {entries.map(([field, change]) => (
        <div key={field} className={classes.row}>
          <dt className={classes.field}>{field}</dt>
          <dd className={classes.values}>
            <Change before={change.before} after={change.after} />
          </dd>
        </div>
      ))}
    </dl>
  );
}
