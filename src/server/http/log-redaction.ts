import type { FastifyRequest } from 'fastify';

/** Query parameters that carry a secret (a calendar feed's token): their values never reach the logs. */
const secretParams = /([?&](?:token|key|secret)=)[^&#]*/gi;

export function withoutSecrets(url: string): string {
  return url.replace(secretParams, '$1[redacted]');
}

/** The request as logged: Fastify's default fields, the URL without its secrets. */
export function logRequest(request: FastifyRequest) {
  return {
    method: request.method,
    url: withoutSecrets(request.url),
    hostname: request.hostname,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  };
}
