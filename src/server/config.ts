import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { passwordWeakness } from './auth/password-policy.js';

/** Everything the server reads from its environment, documented in the README's configuration table. */
export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  publicUrl: string;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  /** Keys HMACs of session, API and one-time tokens: a stolen database alone cannot forge or check them. */
  sessionSecret: Buffer;
  /** AES-256-GCM key for data encrypted at rest; never stored in the database. */
  encryptionKey: Buffer;
  logLevel: string;
  sessionIdleMinutes: number;
  sessionAbsoluteHours: number;
  /**
   * Which proxies' `X-Forwarded-For` to believe: none (false), the proxies at these addresses (comma-separated
   * addresses, CIDR ranges or `loopback`, `linklocal`, `uniquelocal`), or every hop (true: only when the proxy
   * overwrites the header, else a client can pose as any address and slip past the per-address sign-in limits).
   */
  trustProxy: boolean | string;
  /** Secure cookies and HSTS follow from an https public URL. */
  secureCookies: boolean;
  clientDir: string;
  /** Seconds between this process's looks for due jobs; 0: this process runs no scheduled job. */
  jobsTickSeconds: number;
  /** The largest file an upload may carry, in bytes; larger ones get 413 and leave nothing behind. */
  uploadMaxBytes: number;
  /** The SMTP server email goes through; null: email is off (notifications stay in Vigie). */
  smtp: SmtpConfig | null;
  /** Load the demonstration data set (the real 2016–2018 events) once: `--demo` or VIGIE_DEMO=1, never otherwise. */
  demo: boolean;
}

export interface SmtpConfig {
  host: string;
  port: number;
  /** `tls`: TLS from the first byte (port 465); `starttls`: plain then upgraded, refused if the server cannot; `none`. */
  security: 'tls' | 'starttls' | 'none';
  user: string | undefined;
  password: string | undefined;
  from: string;
}

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  VIGIE_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  VIGIE_PUBLIC_URL: z.url().optional(),
  VIGIE_ADMIN_EMAIL: z.email().optional(),
  VIGIE_ADMIN_PASSWORD: z.string().min(12, 'VIGIE_ADMIN_PASSWORD needs at least 12 characters').optional(),
  VIGIE_SESSION_SECRET: z.string().min(32, 'VIGIE_SESSION_SECRET needs at least 32 characters').optional(),
  VIGIE_ENCRYPTION_KEY: z
    .string()
    .regex(/^[0-9a-fA-F]{64}$/, 'VIGIE_ENCRYPTION_KEY must be 64 hexadecimal characters (32 bytes)')
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  VIGIE_SESSION_IDLE_MINUTES: z.coerce.number().int().min(5).max(1440).default(120),
  VIGIE_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(720).default(12),
  VIGIE_TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .refine(
      (v) => v === 'true' || v === 'false' || v.split(',').every((part) => trustedProxyPattern(part.trim())),
      'VIGIE_TRUST_PROXY must be false, the addresses of the proxies in front of Vigie (comma-separated; CIDR ' +
        'ranges, loopback, linklocal or uniquelocal allowed), or true',
    ),
  VIGIE_CLIENT_DIR: z.string().min(1).default('./dist/client'),
  VIGIE_JOBS_TICK_SECONDS: z.coerce.number().int().min(0).max(3600).default(30),
  // Files are held in memory while checked and stored in the database: 1 GiB is far past any sensible setting.
  VIGIE_UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .max(1024 * 1024 * 1024)
    .default(25 * 1024 * 1024),
  VIGIE_SMTP_HOST: z.string().trim().min(1).optional(),
  VIGIE_SMTP_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  VIGIE_SMTP_SECURITY: z.enum(['tls', 'starttls', 'none']).default('starttls'),
  VIGIE_SMTP_USER: z.string().min(1).optional(),
  VIGIE_SMTP_PASSWORD: z.string().min(1).optional(),
  VIGIE_MAIL_FROM: z.string().trim().min(3).max(300).optional(),
  VIGIE_DEMO: z.enum(['0', '1', 'false', 'true']).default('0'),
});

export class ConfigError extends Error {}

function trustedProxyPattern(part: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(part)) return true;
  const [address, bits, ...rest] = part.split('/');
  return rest.length === 0 && isIP(address ?? '') !== 0 && (bits === undefined || /^\d{1,3}$/.test(bits));
}

/** Reads a secret from the environment, or from a 0600 file in the data folder, generating it once. */
function secretFromFile(dataDir: string, name: string, bytes: number): Buffer {
  const dir = path.join(dataDir, 'secrets');
  const file = path.join(dir, name);
  if (existsSync(file)) return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const value = randomBytes(bytes);
  // 'wx' fails if another process created it meanwhile; then read theirs so both share one key.
  try {
    writeFileSync(file, value.toString('hex'), { mode: 0o600, flag: 'wx' });
  } catch {
    return Buffer.from(readFileSync(file, 'utf8').trim(), 'hex');
  }
  chmodSync(file, 0o600);
  return value;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if ((e.VIGIE_ADMIN_EMAIL === undefined) !== (e.VIGIE_ADMIN_PASSWORD === undefined)) {
    throw new ConfigError('VIGIE_ADMIN_EMAIL and VIGIE_ADMIN_PASSWORD go together: set both or neither.');
  }
  if (e.VIGIE_ADMIN_EMAIL && e.VIGIE_ADMIN_PASSWORD) {
    // The same rule as every password chosen in Vigie: an administrator's most of all.
    const weakness = passwordWeakness(e.VIGIE_ADMIN_PASSWORD, { email: e.VIGIE_ADMIN_EMAIL });
    if (weakness) {
      throw new ConfigError(
        'VIGIE_ADMIN_PASSWORD is too easy to guess: it is a common password, or close to one, or is made from ' +
          'the administrator’s email address. Choose a phrase of several unrelated words (at least 12 characters).',
      );
    }
  }
  if (e.VIGIE_SMTP_HOST && !e.VIGIE_MAIL_FROM) {
    throw new ConfigError('VIGIE_SMTP_HOST needs VIGIE_MAIL_FROM: the sender of Vigie’s emails.');
  }
  if ((e.VIGIE_SMTP_USER === undefined) !== (e.VIGIE_SMTP_PASSWORD === undefined)) {
    throw new ConfigError('VIGIE_SMTP_USER and VIGIE_SMTP_PASSWORD go together: set both or neither.');
  }
  const dataDir = path.resolve(e.VIGIE_DATA_DIR);
  mkdirSync(dataDir, { recursive: true });
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  const publicUrl = (e.VIGIE_PUBLIC_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir,
    databaseUrl: e.DATABASE_URL,
    publicUrl,
    adminEmail: e.VIGIE_ADMIN_EMAIL?.toLowerCase(),
    adminPassword: e.VIGIE_ADMIN_PASSWORD,
    sessionSecret: e.VIGIE_SESSION_SECRET
      ? Buffer.from(e.VIGIE_SESSION_SECRET, 'utf8')
      : secretFromFile(dataDir, 'session.key', 32),
    encryptionKey: e.VIGIE_ENCRYPTION_KEY
      ? Buffer.from(e.VIGIE_ENCRYPTION_KEY, 'hex')
      : secretFromFile(dataDir, 'encryption.key', 32),
    logLevel: e.LOG_LEVEL,
    sessionIdleMinutes: e.VIGIE_SESSION_IDLE_MINUTES,
    sessionAbsoluteHours: e.VIGIE_SESSION_ABSOLUTE_HOURS,
    trustProxy: e.VIGIE_TRUST_PROXY === 'true' || (e.VIGIE_TRUST_PROXY !== 'false' && e.VIGIE_TRUST_PROXY),
    secureCookies: publicUrl.startsWith('https://'),
    clientDir: path.resolve(e.VIGIE_CLIENT_DIR),
    jobsTickSeconds: e.VIGIE_JOBS_TICK_SECONDS,
    uploadMaxBytes: e.VIGIE_UPLOAD_MAX_BYTES,
    demo: e.VIGIE_DEMO === '1' || e.VIGIE_DEMO === 'true',
    smtp:
      e.VIGIE_SMTP_HOST && e.VIGIE_MAIL_FROM
        ? {
            host: e.VIGIE_SMTP_HOST,
            port: e.VIGIE_SMTP_PORT ?? (e.VIGIE_SMTP_SECURITY === 'tls' ? 465 : 587),
            security: e.VIGIE_SMTP_SECURITY,
            user: e.VIGIE_SMTP_USER,
            password: e.VIGIE_SMTP_PASSWORD,
            from: e.VIGIE_MAIL_FROM,
          }
        : null,
  };
}
