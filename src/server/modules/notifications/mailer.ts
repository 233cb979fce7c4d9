import nodemailer, { type Transporter } from 'nodemailer';
import type { SmtpConfig } from '../../config.js';

/** One email as the outbox keeps it: already in the recipient's language. */
export interface EmailContent {
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface Mailer {
  send(to: string, content: EmailContent): Promise<void>;
}

const transports = new Map<SmtpConfig, Transporter>();

/**
 * The SMTP transport for a configuration, made once: nodemailer keeps no connection open between messages unless
 * pooled, so one transport per configuration is enough for a process.
 */
export function mailerFor(smtp: SmtpConfig): Mailer {
  let transport = transports.get(smtp);
  if (!transport) {
    transport = nodemailer.createTransport({
      host: smtp.host,
      port: smtp.port,
      secure: smtp.security === 'tls',
      requireTLS: smtp.security === 'starttls',
      ignoreTLS: smtp.security === 'none',
      ...(smtp.user && smtp.password ? { auth: { user: smtp.user, pass: smtp.password } } : {}),
      // A server that does not answer must not hold the delivery job for minutes.
      connectionTimeout: 15_000,
      greetingTimeout: 15_000,
      socketTimeout: 30_000,
    });
    transports.set(smtp, transport);
  }
  const sender = transport;
  return {
    async send(to, content) {
      await sender.sendMail({
        from: smtp.from,
        to,
        subject: content.subject,
        text: content.text,
        html: content.html,
        headers: content.headers,
      });
    },
  };
}
