import { z } from 'zod';
import { languageCodes } from '../languages.js';
import { roles } from '../roles.js';
import { can, id, isoDateTime, requiredText, versionNumber } from './common.js';

export const userStatuses = ['active', 'invited', 'disabled'] as const;

export const password = z.string().min(12).max(256);

export const user = z.object({
  id,
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  institutionId: id.nullable(),
  institutionName: z.string().nullable(),
  partnerId: id.nullable(),
  partnerName: z.string().nullable(),
  language: z.enum(languageCodes),
  status: z.enum(userStatuses),
  lastLoginAt: isoDateTime.nullable(),
  version: z.number().int(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  can: can.extend({ resetPassword: z.boolean() }),
});
export type User = z.infer<typeof user>;

export const session = z.object({ user, csrfToken: z.string() });

export const loginBody = z.strictObject({
  email: z.string().trim().toLowerCase().max(254),
  password: z.string().min(1).max(256),
});

export const meUpdate = z.strictObject({
  name: requiredText(200).optional(),
  language: z.enum(languageCodes).optional(),
  version: versionNumber,
});

export const passwordChange = z.strictObject({ currentPassword: z.string().min(1).max(256), newPassword: password });

export const apiToken = z.object({
  id,
  name: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export const apiTokenCreate = z.strictObject({ name: requiredText(100) });
export const apiTokenCreated = apiToken.extend({ token: z.string() });

export const oneTimePurposes = ['setup', 'invitation', 'password_reset'] as const;
export const tokenCheck = z.strictObject({ token: z.string().min(10).max(200) });
export const tokenInfo = z.object({ purpose: z.enum(oneTimePurposes), email: z.string().nullable() });

export const setupBody = z.strictObject({
  token: z.string().min(10).max(200),
  email: z
    .email()
    .max(254)
    .transform((v) => v.toLowerCase()),
  name: requiredText(200),
  password,
});
export const acceptInvitationBody = z.strictObject({
  token: z.string().min(10).max(200),
  name: requiredText(200).optional(),
  password,
});
export const resetPasswordBody = z.strictObject({ token: z.string().min(10).max(200), password });

export const userCreate = z.strictObject({
  email: z
    .email()
    .max(254)
    .transform((v) => v.toLowerCase()),
  name: requiredText(200),
  role: z.enum(roles),
  institutionId: id.nullable().optional(),
  partnerId: id.nullable().optional(),
  language: z.enum(languageCodes).default('fr'),
});
export const userUpdate = z.strictObject({
  name: requiredText(200).optional(),
  role: z.enum(roles).optional(),
  institutionId: id.nullable().optional(),
  partnerId: id.nullable().optional(),
  language: z.enum(languageCodes).optional(),
  status: z.enum(['active', 'disabled']).optional(),
  version: versionNumber,
});
/** An invitation or reset link, shown to the person who asked for it until Vigie sends email. */
export const oneTimeLink = z.object({ url: z.string(), expiresAt: isoDateTime });
export const userCreated = z.object({ user, invitation: oneTimeLink });

// Two-factor authentication (TOTP, RFC 6238) and recovery codes.

/** A code from an authenticator app: six digits (spaces allowed, as apps show them in groups). */
export const totpCode = z
  .string()
  .transform((v) => v.replace(/\s+/g, ''))
  .pipe(z.string().regex(/^\d{6}$/));
/** A recovery code as printed (`xxxxx-xxxxx`); case, spaces and dashes do not matter. */
export const recoveryCode = z.string().trim().min(10).max(24);

/** Exactly one of `code` and `recoveryCode`; the missing one is named when neither is sent. */
function oneSecondFactor(
  value: { code?: string | undefined; recoveryCode?: string | undefined },
  ctx: z.RefinementCtx,
) {
  if ((value.code === undefined) === (value.recoveryCode === undefined)) {
    ctx.addIssue({ code: 'custom', path: ['code'], params: { reason: 'code_or_recovery_code' } });
  }
}

/** The answer to a right password when the account has a second factor: no session yet, a challenge. */
export const twoFactorChallenge = z.object({ twoFactorRequired: z.literal(true), challenge: z.string() });
/** What signing in (or a link that signs in) answers: a session, or the challenge for the second step. */
export const loginResult = z.union([session, twoFactorChallenge]);
export type LoginResult = z.infer<typeof loginResult>;

export const loginTwoFactorBody = z
  .strictObject({
    challenge: z.string().min(10).max(200),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .superRefine(oneSecondFactor);

export const twoFactorState = z.object({ enabled: z.boolean(), required: z.boolean() });
/** `/auth/me`: the session, and whether the second factor is on and required of the user's role. */
export const currentSession = session.extend({ csrfToken: z.string().nullable(), twoFactor: twoFactorState });
export type CurrentSession = z.infer<typeof currentSession>;

export const twoFactorStatus = twoFactorState.extend({
  enabledAt: isoDateTime.nullable(),
  recoveryCodesRemaining: z.number().int(),
});
export const twoFactorSetup = z.object({
  /** Base32, for typing into an app by hand. */
  secret: z.string(),
  /** The `otpauth://` URI the QR code holds. */
  uri: z.string(),
  /** The QR code as an SVG data URL. */
  qrCode: z.string(),
});
export const twoFactorEnableBody = z.strictObject({ code: totpCode });
export const recoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export const twoFactorDisableBody = z
  .strictObject({
    password: z.string().min(1).max(256),
    code: totpCode.optional(),
    recoveryCode: recoveryCode.optional(),
  })
  .superRefine(oneSecondFactor);
export const recoveryCodesRegenerateBody = z.strictObject({ password: z.string().min(1).max(256) });

// Sessions: where one is signed in.

export const sessionInfo = z.object({
  id,
  createdAt: isoDateTime,
  lastSeenAt: isoDateTime,
  expiresAt: isoDateTime,
  userAgent: z.string().nullable(),
  ip: z.string().nullable(),
  /** The session making this request. */
  current: z.boolean(),
});
export type SessionInfo = z.infer<typeof sessionInfo>;
export const revokedSessions = z.object({ revoked: z.number().int() });
