import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const SOFFICE = '/usr/bin/soffice';

/**
 * Converts a generated file with LibreOffice, as the people receiving it would open it, and returns the converted
 * bytes. Without LibreOffice: a failure in CI (the check must run there), a loud skip elsewhere (`null`).
 */
export function convertWithLibreOffice(
  bytes: Buffer,
  file: { extension: string; convertTo: string; convertedExtension: string; what: string },
): Buffer | null {
  if (!existsSync(SOFFICE)) {
    if (process.env.CI === 'true') throw new Error(`LibreOffice is required in CI (${SOFFICE}) to check ${file.what}`);
    console.warn(`\n!!! SKIPPED: LibreOffice (${SOFFICE}) is missing: ${file.what} was not opened in it !!!\n`);
    return null;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'vigie-soffice-'));
  try {
    const input = path.join(dir, `input.${file.extension}`);
    writeFileSync(input, bytes);
    execFileSync(
      SOFFICE,
      [
        '--headless',
        `-env:UserInstallation=file://${dir}/profile`,
        '--convert-to',
        file.convertTo,
        '--outdir',
        dir,
        input,
      ],
      { timeout: 120_000, stdio: 'ignore' },
    );
    return readFileSync(path.join(dir, `input.${file.convertedExtension}`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
