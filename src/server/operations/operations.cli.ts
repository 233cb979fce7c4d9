import { existsSync } from 'node:fs';
import path from 'node:path';
import { anonymous } from '../auth/actor.js';
import type { Config } from '../config.js';
import type { Database } from '../db/connect.js';
import { prepareDatabase } from '../startup.js';
import { createBackup } from './backup/create-backup.js';
import { BackupError } from './backup/format.js';
import { verifyBackup } from './backup/read-backup.js';
import { restoreBackup } from './backup/restore-backup.js';
import { jobDefinitions, RETENTION_JOB } from './jobs/definitions.js';
import { JobBusyError, runJobNow } from './jobs/scheduler.js';

export const operationsUsage = `  backup <file> [--force]        Write a consistent backup of the database (and the data folder's files, never its
                                 secrets) to <file>, while the server keeps running. --force replaces <file>.
  backup:verify <file>           Check a backup against its checksums without touching the database.
  restore <file> [--force]       Restore a backup (from either engine) into this database, which must be empty;
                                 --force replaces what it holds. Stop the servers first.
  retention:purge                Clear or delete what has outlived its retention period now (also a daily job).`;

export interface OperationsCommand {
  /** Whether the database is brought up to date first, as for the other commands. */
  prepare: boolean;
  /** A reason not to open the database at all (said to the operator). */
  refuse?(config: Config): string | undefined;
  run(context: { database: Database; config: Config; file: string | undefined; force: boolean }): Promise<number>;
}

const operator = (command: string) => ({ actor: anonymous, requestId: null, label: `cli:${command}` });

function needFile(file: string | undefined, command: string): string {
  if (!file) throw new BackupError(`${command} needs a file name: npm run vigie -- ${command} <file>`);
  return file;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export const operationsCommands: Record<string, OperationsCommand> = {
  backup: {
    prepare: false,
    // Opening a SQLite file that is not there would create an empty database and back up nothing.
    refuse: (config) =>
      !config.databaseUrl && !existsSync(path.join(config.dataDir, 'vigie.sqlite'))
        ? `There is no database at ${path.join(config.dataDir, 'vigie.sqlite')}: check VIGIE_DATA_DIR (or set DATABASE_URL).`
        : undefined,
    async run({ database, config, file, force }) {
      const result = await createBackup(database, {
        file: needFile(file, 'backup'),
        dataDir: config.dataDir,
        force,
        audit: operator('backup'),
      });
      console.log(
        `Backup written to ${result.file}: ${result.manifest.tables.length} tables, ${result.rows} rows, ${result.manifest.files.length} files, ${megabytes(result.bytes)} in ${result.durationMs} ms (${database.engine}, schema ${result.manifest.migrations.at(-1) ?? 'empty'}).`,
      );
      if (!result.audited) {
        console.log('Not audited: the database has not been migrated to this version yet (npm run db:migrate).');
      }
      console.log(
        'It holds personal data and password hashes: keep it as safe as the database. Keep the secrets (VIGIE_SESSION_SECRET, VIGIE_ENCRYPTION_KEY or data/secrets/) apart: a restore needs them.',
      );
      return 0;
    },
  },
  'backup:verify': {
    prepare: false,
    async run({ file }) {
      const manifest = await verifyBackup(needFile(file, 'backup:verify'));
      const rows = manifest.tables.reduce((sum, t) => sum + t.rows, 0);
      console.log(
        `Backup ${manifest.id} is intact: made ${manifest.createdAt} on ${manifest.engine} by Vigie ${manifest.vigieVersion}, ${manifest.tables.length} tables, ${rows} rows, ${manifest.files.length} files, schema ${manifest.migrations.at(-1) ?? 'empty'}.`,
      );
      return 0;
    },
  },
  restore: {
    prepare: false,
    async run({ database, config, file, force }) {
      const result = await restoreBackup(database, {
        file: needFile(file, 'restore'),
        dataDir: config.dataDir,
        force,
        audit: operator('restore'),
      });
      if (result.replaced.length > 0) console.log(`Replaced the data that was in ${database.description}.`);
      console.log(
        `Restored backup ${result.manifest.id} (made ${result.manifest.createdAt} on ${result.manifest.engine}) into ${database.engine}: ${result.manifest.tables.length} tables, ${result.rows} rows, ${result.files} files in ${result.durationMs} ms.`,
      );
      if (result.migrated.length > 0) console.log(`Then migrated to this version: ${result.migrated.join(', ')}.`);
      return 0;
    },
  },
  'retention:purge': {
    prepare: true,
    async run({ database, config }) {
      const job = jobDefinitions.find((j) => j.name === RETENTION_JOB);
      if (!job) throw new Error('The retention job is not defined.');
      try {
        const outcome = await runJobNow(database.db, config, job, operator('retention:purge'));
        if (!outcome.ok) {
          console.error(`The purge failed: ${outcome.error}`);
          return 1;
        }
        const report = (outcome.result ?? {}) as Record<string, { entity: string; count: number; effect: string }[]>;
        const lines = Object.entries(report).map(
          ([kind, purges]) => `  ${kind}: ${purges.map((p) => `${p.count} ${p.entity} ${p.effect}`).join(', ')}`,
        );
        console.log(`Retention purge done:\n${lines.join('\n')}`);
        return 0;
      } catch (error) {
        if (error instanceof JobBusyError) {
          console.error('A purge is running in another process right now: try again when it has finished.');
          return 1;
        }
        throw error;
      }
    },
  },
};

/** Runs an operations command; a refusal is a message and exit code 1, not a stack trace. */
export async function runOperationsCommand(
  command: OperationsCommand,
  context: { database: Database; config: Config; file: string | undefined; force: boolean },
): Promise<number> {
  try {
    if (command.prepare) await prepareDatabase(context.database, context.config, { info: () => {} });
    return await command.run(context);
  } catch (error) {
    if (error instanceof BackupError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
