import arErrors from './ar/errors.json' with { type: 'json' };
import arNotifications from './ar/notifications.json' with { type: 'json' };
import enErrors from './en/errors.json' with { type: 'json' };
import enNotifications from './en/notifications.json' with { type: 'json' };
import esErrors from './es/errors.json' with { type: 'json' };
import esNotifications from './es/notifications.json' with { type: 'json' };
import frErrors from './fr/errors.json' with { type: 'json' };
import frNotifications from './fr/notifications.json' with { type: 'json' };

/**
 * The server's message catalogs (error messages, emails), by language and namespace. The web app loads its own
 * namespaces from the same folders.
 */
export const catalogs = {
  fr: { errors: frErrors, notifications: frNotifications },
  en: { errors: enErrors, notifications: enNotifications },
  ar: { errors: arErrors, notifications: arNotifications },
  es: { errors: esErrors, notifications: esNotifications },
} as const;
