/** Talking to a real Vigie process over HTTP, as a script would: sign in, get an API token, send JSON. */

export interface Answer {
  status: number;
  body: Record<string, unknown> | null;
}

export interface Credentials {
  token?: string;
  session?: { cookie: string; csrfToken: string };
}

export async function signInOver(url: string, email: string, password: string) {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  const cookie = (response.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const body = (await response.json()) as { csrfToken: string; user: { id: string } };
  return { cookie, csrfToken: body.csrfToken, userId: body.user.id };
}

/** Sends one request; a connection that breaks (the process died) rejects, as it would for any client. */
export async function send(
  url: string,
  credentials: Credentials,
  method: string,
  path: string,
  body?: unknown,
  timeoutMs = 15_000,
): Promise<Answer> {
  const headers: Record<string, string> = { 'accept-language': 'en' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (credentials.token) headers.authorization = `Bearer ${credentials.token}`;
  if (credentials.session) {
    headers.cookie = credentials.session.cookie;
    if (method !== 'GET') headers['x-csrf-token'] = credentials.session.csrfToken;
  }
  const response = await fetch(`${url}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const text = await response.text();
  return { status: response.status, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

export async function createApiToken(url: string, session: { cookie: string; csrfToken: string }): Promise<string> {
  const answer = await send(url, { session }, 'POST', '/api/v1/auth/tokens', { name: 'resilience' });
  if (answer.status !== 201) throw new Error(`no API token: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body?.token as string;
}

/** A small seeded generator (mulberry32): the same seed gives the same kills and the same writes. */
export function seeded(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  return {
    next,
    between: (min: number, max: number) => Math.floor(min + next() * (max - min + 1)),
    pick: <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T,
  };
}
