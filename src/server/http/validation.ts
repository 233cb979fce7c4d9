import type { z } from 'zod';
import { AppError, type ErrorDetail } from './errors.js';

/**
 * Turns a zod error into a 400 whose details name each offending field (unknown keys one by one), with a
 * machine-readable issue; messages are translated later, by the error handler, in the caller's language.
 */
export function validationError(error: z.ZodError, where: string): AppError {
  const details: ErrorDetail[] = [];
  for (const issue of error.issues) {
    const base = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        details.push({ field: `${base}.${key}`, issue: 'unrecognized_key', message: '' });
      }
      continue;
    }
    const custom = issue.code === 'custom' ? (issue.params as { reason?: string } | undefined)?.reason : undefined;
    const detail: ErrorDetail & { params?: Record<string, string | number> } = {
      field: base,
      issue: custom ?? issue.code,
      message: '',
    };
    if (issue.code === 'too_small' || issue.code === 'too_big') {
      detail.params = { limit: Number(issue.code === 'too_small' ? issue.minimum : issue.maximum) };
    }
    if (issue.code === 'invalid_value' && 'values' in issue) {
      detail.params = { values: issue.values.map(String).join(', ') };
    }
    details.push(detail);
  }
  const first = details[0]?.field ?? where;
  return new AppError(400, 'validation_failed', { field: first }, details);
}

/**
 * The first place in a request's params, query or body where text cannot be stored as sent: a NUL character
 * (PostgreSQL refuses it in text, SQLite would keep it) or a lone surrogate (not Unicode: each engine would store
 * a different replacement). Walks keys and values without recursion, since a body may nest deeply.
 */
export function unstorableText(value: unknown, where: string): string | undefined {
  // With the u flag, a well-formed pair is one astral code point; only a lone half is in category Cs.
  const bad = (text: string) => text.includes('\u0000') || /\p{Cs}/u.test(text);
  const stack: [unknown, string][] = [[value, where]];
  while (stack.length > 0) {
    const [node, path] = stack.pop() as [unknown, string];
    if (typeof node === 'string') {
      if (bad(node)) return path;
    } else if (node !== null && typeof node === 'object') {
      for (const [key, child] of Object.entries(node)) {
        const childPath = `${path}.${key}`;
        if (bad(key)) return childPath;
        stack.push([child, childPath]);
      }
    }
  }
  return undefined;
}

export function invalidCharacters(field: string): AppError {
  return new AppError(400, 'validation_failed', { field }, [{ field, issue: 'invalid_characters', message: '' }]);
}
