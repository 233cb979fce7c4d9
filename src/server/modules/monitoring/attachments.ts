import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { detachEverywhere } from '../documents/documents.repo.js';
import { unlinkEverywhere } from '../plan/actions.repo.js';

/** A deleted facility or visit leaves no pointer behind: its plan links and its document attachments go with it. */
export async function detachAttachments(trx: Kysely<DB>, entity: 'facility' | 'visit', id: string): Promise<void> {
  await unlinkEverywhere(trx, entity, id);
  await detachEverywhere(trx, entity, id);
}
