import { z } from 'zod';
import { id, isoDateTime } from './common.js';

export const auditEvent = z.object({
  id,
  at: isoDateTime,
  actorUserId: id.nullable(),
  actorLabel: z.string(),
  entity: z.string(),
  entityId: z.string(),
  action: z.string(),
  /** Field → { before, after }: only what changed. */
  changes: z.record(z.string(), z.object({ before: z.unknown(), after: z.unknown() })),
  institutionId: id.nullable(),
  requestId: z.string().nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;
