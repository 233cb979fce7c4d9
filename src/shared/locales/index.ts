import arErrors from './ar/errors.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import esErrors from './es/errors.json' with { type: 'json' };
import frErrors from './fr/errors.json' with { type: 'json' };

/**
 * The server's message catalogs (error messages), by language and namespace. The web app loads its own
 * namespaces from the same folders.
 */
export const catalogs = {
  fr: { errors: frErrors },
  en: { errors: enErrors },
  ar: { errors: arErrors },
  es: { errors: esErrors },
} as const;
