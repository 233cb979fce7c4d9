import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { AppError } from '../http/errors.js';
import { PASSWORD_MIN_LENGTH } from './passwords.js';

/**
 * What a chosen password must be, wherever it is chosen (set-up, invitation, reset, change, command line,
 * environment): at least 12 characters, not one of the common passwords, not guessable (zxcvbn score 3 or more
 * with the common dictionaries), and not built from the person's own email address or name.
 */
export const MIN_SCORE = 3;

export type PasswordWeakness = 'password_too_short' | 'password_too_common';

export interface PasswordOwner {
  email?: string | null | undefined;
  name?: string | null | undefined;
}

let estimator: ZxcvbnFactory | undefined;
let commonPasswords: Set<string> | undefined;

// Built on first use: the dictionaries take a moment to rank, and most processes never choose a password.
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary: { ...common.dictionary }, graphs: common.adjacencyGraphs });
  return estimator;
}

function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(common.dictionary['passwords-common'].map((p) => p.toLowerCase()));
  const lower = password.toLowerCase();
  return commonPasswords.has(lower) || commonPasswords.has(lower.replace(/[\s._-]+/g, ''));
}

/** The words of someone's identity (email parts, name parts) of three letters or more, lower case. */
export function personalWords(owner: PasswordOwner): string[] {
  const words = new Set<string>();
  const add = (text: string | null | undefined) => {
    for (const word of (text ?? '').toLowerCase().split(/[^\p{L}\p{N}]+/u)) if (word.length >= 3) words.add(word);
  };
  const email = owner.email ?? '';
  add(email);
  const local = email.split('@')[0];
  if (local && local.length >= 3) words.add(local.toLowerCase());
  add(owner.name);
  return [...words].sort((a, b) => b.length - a.length);
}

/** Whether the password is little more than the person's own words, separators and digits. */
function builtFromIdentity(password: string, words: string[]): boolean {
  let rest = password.toLowerCase();
  let found = false;
  for (const word of words) {
    if (rest.includes(word)) {
      found = true;
      rest = rest.split(word).join(' ');
    }
  }
  return found && rest.replace(/[^\p{L}]/gu, '').length < 6;
}

/** Why the password cannot be chosen, or null when it can. */
export function passwordWeakness(password: string, owner: PasswordOwner = {}): PasswordWeakness | null {
  if ([...password].length < PASSWORD_MIN_LENGTH) return 'password_too_short';
  if (isCommonPassword(password)) return 'password_too_common';
  const words = personalWords(owner);
  if (builtFromIdentity(password, words)) return 'password_too_common';
  const result = zxcvbn().check(password, words);
  if (result.score < MIN_SCORE) return 'password_too_common';
  // The whole password is one dictionary entry (a common password, a word, or the person's own details).
  const [only] = result.sequence;
  if (result.sequence.length === 1 && only?.pattern === 'dictionary') return 'password_too_common';
  return null;
}

/** A 400 naming the field when a chosen password is too weak. */
export function assertStrongPassword(password: string, owner: PasswordOwner, field: string): void {
  const weakness = passwordWeakness(password, owner);
  if (!weakness) return;
  throw new AppError(400, 'validation_failed', { field }, [{ field, issue: weakness, message: '' }]);
}
