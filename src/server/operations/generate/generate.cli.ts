import { parseArgs } from 'node:util';
import { passwordWeakness } from '../../auth/password-policy.js';
import { loadConfig } from '../../config.js';
import { openDatabase } from '../../db/connect.js';
import { prepareDatabase } from '../../startup.js';
import { GenerateRefusal, generateNetwork, type ScaleName, scales } from './generate.js';

/** The password of generated accounts when none is given: printed, since only test databases should hold them. */
export const DEFAULT_GENERATED_PASSWORD = 'harbour lantern quietly seventeen';

export const generateUsage = `  demo:generate [--scale S|M|L] [--institutions N] [--years Y] [--seed N] [--last-year YYYY]
                [--password-env VAR] [--force]
                                 Fill a database with a generated network for load tests: institutions (the working
                                 group's members first, then invented ones), their accounts, facilities, visits with
                                 checklists, findings and recommendations with follow-up, activities, awareness
                                 sessions, documents and published pages for children. The same seed gives the same
                                 data. Scales: S = 10 × 2 years, M = 50 × 5, L = 200 × 10. Refuses a database holding
                                 real records unless --force. Accounts share the password in $VAR (default: printed).`;

function positiveInteger(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new GenerateRefusal(`--${name} must be a whole number of at least 1.`);
  return n;
}

/** `npm run vigie -- demo:generate …`: returns the exit code. */
export async function runGenerateCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      scale: { type: 'string' },
      institutions: { type: 'string' },
      years: { type: 'string' },
      seed: { type: 'string' },
      'last-year': { type: 'string' },
      'password-env': { type: 'string' },
      force: { type: 'boolean' },
    },
    strict: true,
  });
  try {
    const scaleName = values.scale?.toUpperCase();
    if (scaleName !== undefined && !(scaleName in scales)) throw new GenerateRefusal('--scale must be S, M or L.');
    const scale = scales[(scaleName ?? 'S') as ScaleName];
    const institutions = positiveInteger(values.institutions, 'institutions', scale.institutions);
    const years = positiveInteger(values.years, 'years', scale.years);
    const seed = positiveInteger(values.seed, 'seed', 1);
    const lastYear = positiveInteger(values['last-year'], 'last-year', 2026);
    if (institutions > 2000 || years > 30) throw new GenerateRefusal('At most 2,000 institutions and 30 years.');
    const passwordVar = values['password-env'];
    const password = passwordVar ? process.env[passwordVar] : DEFAULT_GENERATED_PASSWORD;
    if (!password) throw new GenerateRefusal(`$${passwordVar} is empty.`);
    const weakness = passwordWeakness(password);
    if (weakness) throw new GenerateRefusal(`$${passwordVar} holds a password the policy refuses (${weakness}).`);

    const config = loadConfig();
    const database = openDatabase(config);
    try {
      await prepareDatabase(database, config, { info: () => {} });
      console.log(
        `Generating ${institutions} institutions × ${years} years (${lastYear - years + 1}–${lastYear}), seed ${seed}, ` +
          `into ${database.description}…`,
      );
      const started = Date.now();
      const summary = await generateNetwork(
        database,
        { institutions, years, seed, lastYear, password, force: values.force === true },
        (line) => console.log(`  ${line}`),
      );
      console.log(`Done in ${((Date.now() - started) / 1000).toFixed(1)} s:`);
      for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table}: ${n}`);
      console.log(`Sign in as a staff member of ${summary.staffInstitutionId}: ${summary.staffEmail}`);
      console.log(
        passwordVar
          ? `Every generated account has the password in $${passwordVar}.`
          : `Every generated account has the password: ${password}`,
      );
      if (summary.childPageSlugs.length > 0) {
        console.log(`Pages for children published at /fr/<address>, e.g. /fr/${summary.childPageSlugs[0]}`);
      }
      return 0;
    } finally {
      await database.close();
    }
  } catch (error) {
    if (error instanceof GenerateRefusal) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}
