import { z } from 'zod';
import { roles } from '../roles.js';
import { isoDateTime, versionNumber } from './common.js';

/** Security settings (administrators): the roles whose members must use two-factor authentication. */
export const securitySettingsValue = z.object({ requireTwoFactorFor: z.array(z.enum(roles)) });

export const securitySettings = securitySettingsValue.extend({
  version: z.number().int(),
  updatedAt: isoDateTime,
});
export type SecuritySettings = z.infer<typeof securitySettings>;

export const securitySettingsUpdate = z.strictObject({
  requireTwoFactorFor: z
    .array(z.enum(roles))
    .max(roles.length)
    .refine((list) => new Set(list).size === list.length, { params: { reason: 'duplicate_value' } }),
  version: versionNumber,
});
