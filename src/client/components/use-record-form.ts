import { useState } from 'react';
import { ApiError, fieldError } from '../api/http';
import { notifySuccess } from './notify';

interface SaveMutation<R, B> {
  mutate(body: B | (B & { version: number }), options: { onSuccess: (saved: R) => void }): void;
  reset(): void;
  error: unknown;
}

interface RecordFormOptions<V, R extends { id: string; version: number }, B> {
  /** The record being edited; none when creating. */
  record: R | undefined;
  valuesOf(record: R | undefined): V;
  bodyOf(values: V): B;
  save: SaveMutation<R, B>;
  /** Puts the server's current record in the cache after a version conflict (or refetches it). */
  adopt(current: R | undefined, id: string): void;
  savedNotice: string;
  onClose(): void;
  onSaved?: ((saved: R) => void) | undefined;
}

/**
 * The state of a create-or-edit form for a versioned record: values, field errors from the server, closing without
 * keeping half-typed values, saving with the version it was edited from, and reloading after a version conflict.
 */
export function useRecordForm<V, R extends { id: string; version: number }, B>(options: RecordFormOptions<V, R, B>) {
  const { record, valuesOf, bodyOf, save, adopt, savedNotice, onClose, onSaved } = options;
  const [values, setValues] = useState(() => valuesOf(record));
  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((v) => ({ ...v, [key]: value }));
  const error = (name: string) => fieldError(save.error, name);

  const close = () => {
    setValues(valuesOf(record));
    save.reset();
    onClose();
  };
  const submit = () =>
    save.mutate(record ? { ...bodyOf(values), version: record.version } : bodyOf(values), {
      onSuccess: (saved) => {
        notifySuccess(savedNotice);
        setValues(valuesOf(saved));
        save.reset();
        onClose();
        onSaved?.(saved);
      },
    });
  const reload = () => {
    if (!record) return;
    const current = save.error instanceof ApiError ? save.error.current<R>() : undefined;
    adopt(current, record.id);
    if (current) setValues(valuesOf(current));
    save.reset();
  };

  return { values, set, error, close, submit, reload };
}
