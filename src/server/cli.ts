import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Kysely } from 'kysely';
import { type Role, roles } from '../shared/roles.js';
import { anonymous } from './auth/actor.js';
import { issueLink } from './auth/one-time-links.js';
import { passwordWeakness } from './auth/password-policy.js';
import { hashPassword, PASSWORD_MIN_LENGTH } from './auth/passwords.js';
import { hashToken, newToken } from './auth/secrets.js';
import { removeTwoFactor } from './auth/two-factor.js';
import { type Config, ConfigError, loadConfig } from './config.js';
import { openDatabase } from './db/connect.js';
import type { DB } from './db/schema.js';
import { nowIso } from './http/versioning.js';
import { type ChainProblem, verifyAuditChain } from './modules/audit/audit-chain.js';
import { recordAudit } from './modules/audit/record-audit.js';
import { emailAccountLink } from './modules/notifications/account-emails.js';
import { generateUsage, runGenerateCommand } from './operations/generate/generate.cli.js';
import { operationsCommands, operationsUsage, runOperationsCommand } from './operations/operations.cli.js';
import { prepareDatabase } from './startup.js';

const usage = `Usage: npm run vigie -- <command> [options]

Commands:
  db:migrate                     Bring the database to the latest schema and load the network (idempotent).
  user:create --email E --name N --role R [--institution ISO|id] [--partner id] [--password-env VAR]
                                 Create an account. Without --password-env, prints a one-time invitation link.
                                 Roles: ${roles.join(', ')}.
  user:reset-password --email E  Print a one-time password-reset link for an account.
  token:create --email E --name N
                                 Create a personal API token for an account and print it (shown once).
  user:disable-2fa --email E     Turn off an account's two-factor authentication (lost authenticator and
                                 recovery codes); they sign in with their password and enrol again.
  audit:verify                   Check the audit trail's hash chain; prints the first broken event and exits
                                 with 1 if an event was edited, deleted, inserted or reordered, 0 if intact.
${operationsUsage}
${generateUsage}

Configuration comes from the same environment variables as the server (see the README).`;

class UsageError extends Error {}

const operator = (command: string) => ({ actor: anonymous, requestId: null, label: `cli:${command}` });

async function findInstitution(db: Kysely<DB>, reference: string): Promise<string> {
  const byCountry = /^[A-Za-z]{2}$/.test(reference);
  const rows = await db
    .selectFrom('institutions')
    .leftJoin('group_memberships', 'group_memberships.institution_id', 'institutions.id')
    .select(['institutions.id', 'group_memberships.id as membership'])
    .where(
      byCountry ? 'institutions.country_code' : 'institutions.id',
      '=',
      byCountry ? reference.toUpperCase() : reference,
    )
    .execute();
  // A country may have several institutions: the working group's member is the one meant.
  const chosen = rows.find((r) => r.membership) ?? (rows.length === 1 ? rows[0] : undefined);
  if (!chosen) throw new UsageError(`No single institution matches "${reference}".`);
  return chosen.id;
}

async function userByEmail(db: Kysely<DB>, email: string) {
  const user = await db.selectFrom('users').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
  if (!user) throw new UsageError(`No account with the email ${email}.`);
  return user;
}

function required(values: Record<string, string | undefined>, name: string): string {
  const value = values[name];
  if (!value) throw new UsageError(`--${name} is required.`);
  return value;
}

async function userCreate(db: Kysely<DB>, config: Config, values: Record<string, string | undefined>) {
  const email = required(values, 'email').toLowerCase();
  const name = required(values, 'name');
  const role = required(values, 'role') as Role;
  if (!roles.includes(role)) throw new UsageError(`--role must be one of: ${roles.join(', ')}.`);
  const institutionId = values.institution ? await findInstitution(db, values.institution) : null;
  if ((role === 'contact_point' || role === 'staff') && !institutionId) {
    throw new UsageError(`The role ${role} needs --institution.`);
  }
  const partnerId = values.partner ?? null;
  if (role === 'partner' && !partnerId) throw new UsageError('The role partner needs --partner.');
  const password = values['password-env'] ? process.env[values['password-env']] : undefined;
  if (values['password-env'] && (!password || password.length < PASSWORD_MIN_LENGTH)) {
    throw new UsageError(
      `$${values['password-env']} must hold a password of at least ${PASSWORD_MIN_LENGTH} characters.`,
    );
  }
  if (password && passwordWeakness(password, { email, name })) {
    throw new UsageError(
      `$${values['password-env']} holds a password too easy to guess: a common password, close to one, or made ` +
        'from the person’s email address or name. Choose a phrase of several unrelated words.',
    );
  }
  if (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst()) {
    throw new UsageError(`An account with the email ${email} already exists.`);
  }
  const now = nowIso();
  const row = {
    id: randomUUID(),
    email,
    name,
    password_hash: password ? await hashPassword(password) : null,
    role,
    institution_id: institutionId,
    partner_id: role === 'partner' ? partnerId : null,
    language: 'fr',
    status: password ? 'active' : 'invited',
    last_login_at: null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  const link = await db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(row).execute();
    await recordAudit(trx, operator('user:create'), {
      entity: 'user',
      entityId: row.id,
      action: 'create',
      after: row,
      institutionId,
    });
    if (password) return undefined;
    const invitation = await issueLink(trx, config, 'invitation', row.id, null);
    await emailAccountLink(trx, config, row, 'invitation', invitation);
    return invitation;
  });
  console.log(`Created ${role} ${email} (${row.id}).`);
  if (link) console.log(`Invitation link (valid until ${link.expiresAt}, once): ${link.url}`);
  if (link && config.smtp) console.log(`It is also emailed to ${email} by the running server.`);
}

async function resetPassword(db: Kysely<DB>, config: Config, values: Record<string, string | undefined>) {
  const user = await userByEmail(db, required(values, 'email'));
  const link = await db.transaction().execute(async (trx) => {
    await recordAudit(trx, operator('user:reset-password'), {
      entity: 'user',
      entityId: user.id,
      action: 'password_reset_requested',
      institutionId: user.institution_id,
    });
    const purpose = user.status === 'invited' ? 'invitation' : 'password_reset';
    const issued = await issueLink(trx, config, purpose, user.id, null);
    await emailAccountLink(trx, config, user, purpose, issued);
    return issued;
  });
  console.log(`Password-reset link for ${user.email} (valid until ${link.expiresAt}, once): ${link.url}`);
  if (config.smtp) console.log(`It is also emailed to ${user.email} by the running server.`);
}

async function tokenCreate(db: Kysely<DB>, config: Config, values: Record<string, string | undefined>) {
  const user = await userByEmail(db, required(values, 'email'));
  const name = required(values, 'name');
  const token = newToken('vigie_');
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('api_tokens')
      .values({
        id,
        user_id: user.id,
        name,
        token_hash: hashToken(config.sessionSecret, token),
        created_at: nowIso(),
        last_used_at: null,
        revoked_at: null,
      })
      .execute();
    await recordAudit(trx, operator('token:create'), {
      entity: 'api_token',
      entityId: id,
      action: 'create',
      after: { name, user_id: user.id },
      institutionId: user.institution_id,
    });
  });
  console.log(`API token "${name}" for ${user.email} (shown once; send it as "Authorization: Bearer <token>"):`);
  console.log(token);
}

async function disableTwoFactor(db: Kysely<DB>, _config: Config, values: Record<string, string | undefined>) {
  const user = await userByEmail(db, required(values, 'email'));
  const removed = await removeTwoFactor(db, operator('user:disable-2fa'), user);
  console.log(
    removed
      ? `Two-factor authentication is off for ${user.email}: they sign in with their password and enrol again.`
      : `${user.email} had no two-factor authentication.`,
  );
}

const problems: Record<ChainProblem, string> = {
  edited: 'its content no longer matches its hash: it was edited',
  broken_link: 'it does not follow the event before it: events were deleted, inserted or reordered before it',
  missing_before: 'events are missing just before it: they were deleted',
  unchained: 'it is outside the chain: it was written around Vigie',
  missing_at_end: 'the chain stops before its recorded end: the latest events were deleted',
  after_head: 'it comes after the recorded end of the chain: it was added around Vigie',
};

async function auditVerify(db: Kysely<DB>): Promise<number> {
  const report = await verifyAuditChain(db);
  if (report.intact) {
    console.log(
      `Audit trail intact: ${report.events} events chained; last hash ${report.headHash} (event ${report.headSeq}).`,
    );
    return 0;
  }
  const { firstBreak } = report;
  const where = firstBreak.eventId
    ? `at event ${firstBreak.eventId}${firstBreak.seq === null ? '' : ` (position ${firstBreak.seq})`}, ${firstBreak.at}`
    : 'at its end';
  console.error(`Audit trail BROKEN ${where}: ${problems[firstBreak.problem]}.`);
  console.error(`${report.events} events before it are intact.`);
  return 1;
}

const commands: Record<
  string,
  (db: Kysely<DB>, config: Config, values: Record<string, string | undefined>) => Promise<unknown>
> = {
  'db:migrate': async () => console.log('Database is up to date.'),
  'user:create': userCreate,
  'user:reset-password': resetPassword,
  'token:create': tokenCreate,
  'user:disable-2fa': disableTwoFactor,
  'audit:verify': auditVerify,
};

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help') {
    console.log(usage);
    return command ? 0 : 2;
  }
  if (command === 'demo:generate') return runGenerateCommand(rest);
  const operation = operationsCommands[command];
  if (operation) {
    // Backup, restore, retention: a file name and --force; backup and restore never migrate the database first.
    const { positionals, values: flags } = parseArgs({
      args: rest,
      options: { force: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length > 1) throw new UsageError(`${command} takes one file name.`);
    const config = loadConfig();
    const refusal = operation.refuse?.(config);
    if (refusal) {
      console.error(refusal);
      return 1;
    }
    const database = openDatabase(config);
    try {
      return await runOperationsCommand(operation, {
        database,
        config,
        file: positionals[0],
        force: flags.force === true,
      });
    } finally {
      await database.close();
    }
  }
  const run = commands[command];
  if (!run) {
    console.error(`Unknown command "${command}".\n\n${usage}`);
    return 2;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      institution: { type: 'string' },
      partner: { type: 'string' },
      'password-env': { type: 'string' },
    },
    strict: true,
  });
  const config = loadConfig();
  // A mistyped VIGIE_DATA_DIR would otherwise create, seed and change a brand-new database without a word.
  const sqliteFile = path.join(config.dataDir, 'vigie.sqlite');
  if (!config.databaseUrl && command !== 'db:migrate' && !existsSync(sqliteFile)) {
    throw new UsageError(
      `No Vigie database at ${sqliteFile}: check VIGIE_DATA_DIR, or create it with "npm run db:migrate".`,
    );
  }
  const database = openDatabase(config);
  try {
    // Every command may be the first thing run on a new database: bring it up to date first.
    await prepareDatabase(database, config, { info: () => {} });
    // A command may answer with its exit code (audit:verify: 1 when the chain is broken).
    const code = await run(database.db, config, values);
    return typeof code === 'number' ? code : 0;
  } finally {
    await database.close();
  }
}

const isMain = process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/').split('/').pop() ?? '');
if (isMain) {
  runCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error: unknown) => {
      if (
        error instanceof UsageError ||
        error instanceof ConfigError ||
        (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
      ) {
        console.error(`${(error as Error).message}\n\nRun "npm run vigie -- help" for usage.`);
        process.exit(2);
      }
      console.error(error);
      process.exit(1);
    });
}
