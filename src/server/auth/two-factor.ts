import { randomBytes, randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import type { Role } from '../../shared/roles.js';
import type { Config } from '../config.js';
import type { DB, UserRow } from '../db/schema.js';
import { AppError } from '../http/errors.js';
import { nowIso } from '../http/versioning.js';
import { type AuditContext, recordAudit } from '../modules/audit/record-audit.js';
import { requiredTwoFactorRoles } from '../modules/settings/settings.repo.js';
import { decryptText, encryptText } from './encryption.js';
import { verifyPassword } from './passwords.js';
import { hashToken, newToken } from './secrets.js';
import { type Attempt, assertNotThrottled, recordFailure, WINDOW_MINUTES } from './throttle.js';

/** TOTP as authenticator apps expect it (RFC 6238 defaults): SHA-1, 6 digits, 30 seconds. */
const ISSUER = 'Vigie';
const PERIOD = 30;
const DIGITS = 6;
/** One step either side: a phone clock half a minute off still works. */
const WINDOW = 1;
export const RECOVERY_CODE_COUNT = 10;
export const CHALLENGE_MINUTES = 5;
/** Wrong codes a challenge survives; each one also counts toward the sign-in throttle. */
export const CHALLENGE_MAX_ATTEMPTS = 5;
/**
 * Wrong codes an account survives within the throttle window, from all addresses together. Only someone who knows
 * the password gets this far, so counting per account cannot be used against an owner who does not: it stops the
 * guessing of six digits from many addresses at once. Recovery codes (50 bits) stay usable, so the owner still
 * gets in; a password reset (which ends pending challenges) clears the count.
 */
export const MAX_WRONG_CODES_PER_ACCOUNT = 10;

type Db = Kysely<DB> | Transaction<DB>;

const secretContext = (userId: string) => `user_two_factor:${userId}`;

export function codeError(status: number, field: string): AppError {
  return new AppError(status, 'invalid_two_factor_code', {}, [
    { field, issue: 'invalid_two_factor_code', message: '' },
  ]);
}

export async function findTwoFactor(db: Db, userId: string) {
  return db.selectFrom('user_two_factor').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

export async function hasTwoFactor(db: Db, userId: string): Promise<boolean> {
  const row = await findTwoFactor(db, userId);
  return Boolean(row?.enabled_at);
}

/** Whether the administrators require a second factor of this person's role, and whether they have one. */
export async function twoFactorState(db: Db, user: { id: string; role: Role }) {
  const [row, required] = await Promise.all([findTwoFactor(db, user.id), requiredTwoFactorRoles(db)]);
  return { enabled: Boolean(row?.enabled_at), required: required.includes(user.role) };
}

/** True when the user's role requires a second factor and they have not enabled one (checked on every request). */
export async function enrollmentPending(db: Db, user: { id: string; role: Role }): Promise<boolean> {
  if (!(await requiredTwoFactorRoles(db)).includes(user.role)) return false;
  return !(await hasTwoFactor(db, user.id));
}

export async function twoFactorStatus(db: Kysely<DB>, user: { id: string; role: Role }) {
  const row = await findTwoFactor(db, user.id);
  const required = (await requiredTwoFactorRoles(db)).includes(user.role);
  const remaining = row?.enabled_at
    ? await db
        .selectFrom('recovery_codes')
        .select((eb) => eb.fn.countAll<number>().as('count'))
        .where('user_id', '=', user.id)
        .where('used_at', 'is', null)
        .executeTakeFirstOrThrow()
    : { count: 0 };
  return {
    enabled: Boolean(row?.enabled_at),
    enabledAt: row?.enabled_at ?? null,
    required,
    recoveryCodesRemaining: Number(remaining.count),
  };
}

/** The time step a code belongs to (within the window around now), or null when it is not a valid code. */
export function matchingStep(secretBase32: string, code: string, now = Date.now()): number | null {
  const token = code.replace(/\s+/g, '');
  if (!new RegExp(`^\\d{${DIGITS}}$`).test(token)) return null;
  const delta = TOTP.validate({
    token,
    secret: Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
    timestamp: now,
    window: WINDOW,
  });
  return delta === null ? null : TOTP.counter({ period: PERIOD, timestamp: now }) + delta;
}

/**
 * Checks a code against the user's secret and spends its time step in one conditional update: a code (or any code
 * of an earlier step) is accepted once, even by two requests at the same moment.
 */
async function spendTotp(db: Db, config: Config, userId: string, secretEncrypted: string, code: string) {
  const secret = decryptText(config.encryptionKey, secretEncrypted, secretContext(userId));
  const step = matchingStep(secret, code);
  if (step === null) return false;
  const result = await db
    .updateTable('user_two_factor')
    .set({ last_used_step: step, updated_at: nowIso() })
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('last_used_step', 'is', null), eb('last_used_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

// Crockford's base32 alphabet: no I, L, O or U to misread; 32 symbols, so a byte modulo 32 is unbiased.
const RECOVERY_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

function newRecoveryCode(): string {
  const symbols = [...randomBytes(10)].map((byte) => RECOVERY_ALPHABET[byte % 32]).join('');
  return `${symbols.slice(0, 5)}-${symbols.slice(5)}`;
}

/** Case, spaces and dashes do not matter; letters that look like digits read as those digits. */
function normalizeRecoveryCode(code: string): string {
  return code
    .toLowerCase()
    .replace(/[\s-]+/g, '')
    .replace(/o/g, '0')
    .replace(/[il]/g, '1');
}

const recoveryHash = (config: Config, userId: string, code: string) =>
  hashToken(config.sessionSecret, `recovery:${userId}:${normalizeRecoveryCode(code)}`);

/** Replaces the user's recovery codes with ten new ones; returns them in clear, the only time they exist so. */
async function issueRecoveryCodes(trx: Transaction<DB>, config: Config, userId: string): Promise<string[]> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  const now = nowIso();
  await trx
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        id: randomUUID(),
        user_id: userId,
        code_hash: recoveryHash(config, userId, code),
        created_at: now,
        used_at: null,
      })),
    )
    .execute();
  return codes;
}

/** Spends one recovery code: true once per code. */
async function spendRecoveryCode(db: Db, config: Config, userId: string, code: string): Promise<boolean> {
  const result = await db
    .updateTable('recovery_codes')
    .set({ used_at: nowIso() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', recoveryHash(config, userId, code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export type SecondFactor = { code: string; recoveryCode?: undefined } | { code?: undefined; recoveryCode: string };

/** Checks and spends a second factor inside the caller's transaction; returns which kind worked, or null. */
export async function spendSecondFactor(
  trx: Transaction<DB>,
  config: Config,
  userId: string,
  factor: SecondFactor,
): Promise<'totp' | 'recovery_code' | null> {
  const row = await findTwoFactor(trx, userId);
  if (!row?.enabled_at) return null;
  if (factor.code !== undefined) {
    return (await spendTotp(trx, config, userId, row.secret_encrypted, factor.code)) ? 'totp' : null;
  }
  return (await spendRecoveryCode(trx, config, userId, factor.recoveryCode)) ? 'recovery_code' : null;
}

async function userRow(db: Kysely<DB>, userId: string): Promise<UserRow> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) throw new AppError(401, 'unauthenticated');
  return user;
}

/**
 * Starts (or restarts) enrolment: a new secret, kept encrypted until the first code confirms it. Refused while a
 * second factor is on: it must be turned off first, with the password and a code.
 */
export async function startEnrollment(db: Kysely<DB>, config: Config, context: AuditContext, userId: string) {
  const user = await userRow(db, userId);
  const secret = new Secret({ buffer: new Uint8Array(randomBytes(20)).buffer });
  const totp = new TOTP({
    issuer: ISSUER,
    label: user.email,
    secret,
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
  });
  const uri = totp.toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  const encrypted = encryptText(config.encryptionKey, secret.base32, secretContext(user.id));
  const now = nowIso();
  await db.transaction().execute(async (trx) => {
    const existing = await findTwoFactor(trx, user.id);
    if (existing?.enabled_at) throw new AppError(409, 'two_factor_already_enabled');
    if (existing) {
      const replaced = await trx
        .updateTable('user_two_factor')
        .set({ secret_encrypted: encrypted, last_used_step: null, created_at: now, updated_at: now })
        .where('user_id', '=', user.id)
        .where('enabled_at', 'is', null)
        .executeTakeFirst();
      if (Number(replaced.numUpdatedRows) !== 1) throw new AppError(409, 'two_factor_already_enabled');
    } else {
      await trx
        .insertInto('user_two_factor')
        .values({
          user_id: user.id,
          secret_encrypted: encrypted,
          enabled_at: null,
          last_used_step: null,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
    await recordAudit(trx, context, {
      entity: 'user',
      entityId: user.id,
      action: 'two_factor_setup_started',
      institutionId: user.institution_id,
    });
  });
  return {
    secret: secret.base32,
    uri,
    qrCode: `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`,
  };
}

/** The first code from the authenticator turns the second factor on; the recovery codes come back, once. */
export async function enable(db: Kysely<DB>, config: Config, context: AuditContext, userId: string, code: string) {
  const user = await userRow(db, userId);
  const row = await findTwoFactor(db, user.id);
  if (!row) throw new AppError(409, 'two_factor_not_enabled');
  if (row.enabled_at) throw new AppError(409, 'two_factor_already_enabled');
  const codes = await db.transaction().execute(async (trx) => {
    if (!(await spendTotp(trx, config, user.id, row.secret_encrypted, code))) return null;
    const enabled = await trx
      .updateTable('user_two_factor')
      .set({ enabled_at: nowIso() })
      .where('user_id', '=', user.id)
      .where('enabled_at', 'is', null)
      .where('secret_encrypted', '=', row.secret_encrypted)
      .executeTakeFirst();
    // Enrolment restarted meanwhile (another secret) or finished by another request.
    if (Number(enabled.numUpdatedRows) !== 1) throw new AppError(409, 'two_factor_already_enabled');
    const issued = await issueRecoveryCodes(trx, config, user.id);
    await recordAudit(trx, context, {
      entity: 'user',
      entityId: user.id,
      action: 'two_factor_enabled',
      institutionId: user.institution_id,
    });
    return issued;
  });
  if (!codes) throw codeError(400, 'body.code');
  return { recoveryCodes: codes };
}

/** The password again, for what a borrowed session alone must not do; wrong ones count toward the throttle. */
async function confirmPassword(db: Kysely<DB>, user: UserRow, password: string, attempt: Attempt) {
  await assertNotThrottled(db, attempt);
  if (!(await verifyPassword(user.password_hash, password))) {
    await recordFailure(db, attempt);
    throw new AppError(400, 'invalid_credentials', {}, [
      { field: 'body.password', issue: 'invalid_credentials', message: '' },
    ]);
  }
}

/** Turns the second factor off: the password and a current code (or a recovery code) are both needed. */
export async function disable(
  db: Kysely<DB>,
  config: Config,
  context: AuditContext,
  userId: string,
  input: { password: string } & SecondFactor,
  ip: string | undefined,
) {
  const user = await userRow(db, userId);
  const attempt = { email: user.email, ip };
  if (!(await hasTwoFactor(db, user.id))) throw new AppError(409, 'two_factor_not_enabled');
  await confirmPassword(db, user, input.password, attempt);
  const done = await db.transaction().execute(async (trx) => {
    if (!(await spendSecondFactor(trx, config, user.id, input))) return false;
    await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('user_two_factor').where('user_id', '=', user.id).execute();
    await recordAudit(trx, context, {
      entity: 'user',
      entityId: user.id,
      action: 'two_factor_disabled',
      institutionId: user.institution_id,
    });
    return true;
  });
  if (!done) {
    await recordFailure(db, attempt);
    throw codeError(400, input.code !== undefined ? 'body.code' : 'body.recoveryCode');
  }
}

/** New recovery codes (the old ones stop working), with the password. */
export async function regenerateRecoveryCodes(
  db: Kysely<DB>,
  config: Config,
  context: AuditContext,
  userId: string,
  password: string,
  ip: string | undefined,
) {
  const user = await userRow(db, userId);
  if (!(await hasTwoFactor(db, user.id))) throw new AppError(409, 'two_factor_not_enabled');
  await confirmPassword(db, user, password, { email: user.email, ip });
  const codes = await db.transaction().execute(async (trx) => {
    const issued = await issueRecoveryCodes(trx, config, user.id);
    await recordAudit(trx, context, {
      entity: 'user',
      entityId: user.id,
      action: 'recovery_codes_regenerated',
      institutionId: user.institution_id,
    });
    return issued;
  });
  return { recoveryCodes: codes };
}

/** An operator's way back in for someone who lost both their authenticator and their recovery codes. */
export async function removeTwoFactor(db: Kysely<DB>, context: AuditContext, user: UserRow): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const removed = await trx.deleteFrom('user_two_factor').where('user_id', '=', user.id).executeTakeFirst();
    await trx.deleteFrom('recovery_codes').where('user_id', '=', user.id).execute();
    if (Number(removed.numDeletedRows) === 0) return false;
    await recordAudit(trx, context, {
      entity: 'user',
      entityId: user.id,
      action: 'two_factor_disabled',
      institutionId: user.institution_id,
    });
    return true;
  });
}

/** After a right password, when a second factor is on: a challenge to answer within five minutes. */
export async function createChallenge(db: Kysely<DB>, config: Config, userId: string): Promise<string> {
  const token = newToken();
  const now = new Date();
  // Kept for the throttle window after they expire: their wrong codes still count (see assertCodesNotThrottled).
  await db
    .deleteFrom('login_challenges')
    .where('created_at', '<', new Date(now.getTime() - WINDOW_MINUTES * 60_000).toISOString())
    .execute();
  await db
    .insertInto('login_challenges')
    .values({
      id: randomUUID(),
      token_hash: hashToken(config.sessionSecret, token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CHALLENGE_MINUTES * 60_000).toISOString(),
      attempts: 0,
      used_at: null,
    })
    .execute();
  return token;
}

/** The live challenge for a token, or a 401: unknown, expired, used, or worn out by wrong codes. */
export async function findLiveChallenge(db: Kysely<DB>, config: Config, token: string) {
  const row = await db
    .selectFrom('login_challenges')
    .selectAll()
    .where('token_hash', '=', hashToken(config.sessionSecret, token))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) < Date.now()) throw new AppError(401, 'login_challenge_invalid');
  return row;
}

/** A 429 when the account has had too many wrong codes lately, whatever the addresses (authenticator codes only). */
export async function assertCodesNotThrottled(db: Kysely<DB>, userId: string): Promise<void> {
  const now = Date.now();
  const windowMs = WINDOW_MINUTES * 60_000;
  const recent = await db
    .selectFrom('login_challenges')
    .select(['created_at', 'attempts'])
    .where('user_id', '=', userId)
    .where('attempts', '>', 0)
    .where('created_at', '>', new Date(now - windowMs).toISOString())
    .orderBy('created_at', 'desc')
    .execute();
  let total = 0;
  for (const challenge of recent) {
    total += challenge.attempts;
    if (total >= MAX_WRONG_CODES_PER_ACCOUNT) {
      // Until this challenge, the oldest that still makes the count, leaves the window.
      const seconds = Math.max(1, Math.ceil((Date.parse(challenge.created_at) + windowMs - now) / 1000));
      throw new AppError(429, 'too_many_attempts', { minutes: Math.ceil(seconds / 60), retryAfter: seconds });
    }
  }
}

/** Spends a challenge: true for exactly one request. */
export async function claimChallenge(trx: Transaction<DB>, challengeId: string): Promise<boolean> {
  const result = await trx
    .updateTable('login_challenges')
    .set({ used_at: nowIso() })
    .where('id', '=', challengeId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** A wrong code: the challenge counts it and dies after too many. */
export async function countWrongCode(db: Kysely<DB>, challengeId: string): Promise<void> {
  await db
    .updateTable('login_challenges')
    .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
    .where('id', '=', challengeId)
    .execute();
  await db
    .updateTable('login_challenges')
    .set({ used_at: nowIso() })
    .where('id', '=', challengeId)
    .where('attempts', '>=', CHALLENGE_MAX_ATTEMPTS)
    .where('used_at', 'is', null)
    .execute();
}
