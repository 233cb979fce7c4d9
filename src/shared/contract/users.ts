import { z } from 'zod';
import { languageCodes } from '../languages.js';
import { roles } from '../roles.js';
import { can, id, isoDateTime, requiredText } from './common.js';

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
  version: z.number().int().min(1),
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
  version: z.number().int().min(1),
});
/** An invitation or reset link, shown to the person who asked for it until Vigie sends email. */
export const oneTimeLink = z.object({ url: z.string(), expiresAt: isoDateTime });
export const userCreated = z.object({ user, invitation: oneTimeLink });
