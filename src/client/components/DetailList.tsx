import { Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/use-t';
import classes from './DetailList.module.css';

export interface Detail {
  label: string;
  value: ReactNode;
}

/** Label/value pairs as a description list; an empty value says so in words. */
export function DetailList({ items }: { items: Detail[] }) {
  return (
    <dl className={classes.list}>
      {items.map((item) => (
        <div key={item.label} className={classes.row}>
          <dt className={classes.term}>{item.label}</dt>
          <dd className={classes.value} dir="auto">
            {item.value ?? <NotProvided />}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function NotProvided() {
  const { t } = useT();
  return (
    <Text span c="dimmed" fs="italic" size="sm">
      {t('common:states.notProvided')}
    </Text>
  );
}
