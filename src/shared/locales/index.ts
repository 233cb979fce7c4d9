import arErrors from './ar/errors.json' with { type: 'json' };
import arExports from './ar/exports.json' with { type: 'json' };
import arNotifications from './ar/notifications.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enExports from './en/exports.json' with { type: 'json' };
import enNotifications from './en/notifications.json' with { type: 'json' };
import esErrors from './es/errors.json' with { type: 'json' };
import esExports from './es/exports.json' with { type: 'json' };
import esNotifications from './es/notifications.json' with { type: 'json' };
import frErrors from './fr/errors.json' with { type: 'json' };
import frExports from './fr/exports.json' with { type: 'json' };
import frNotifications from './fr/notifications.json' with { type: 'json' };

/**
 * The server's message catalogs (error messages, emails, the headers of exported files), by language and namespace.
 * The web app loads its own namespaces from the same folders.
 */
export const catalogs = {
  fr: { errors: frErrors, exports: frExports, notifications: frNotifications },
  en: { errors: enErrors, exports: enExports, notifications: enNotifications },
  ar: { errors: arErrors, exports: arExports, notifications: arNotifications },
  es: { errors: esErrors, exports: esExports, notifications: esNotifications },
} as const;
