import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { createEmulator } from './index.js';
import { DEMO_CLIENTS, DEMO_USERS, type RefreshMfaPolicy, type SeedUser } from './config.js';

/**
 * `npm run emulator [-- --port 4000 --host 127.0.0.1 --cors-origin http://localhost:5173]`, and for
 * Auth0's SDKs `--tls-key key.pem --tls-cert cert.pem --port 443 --issuer https://localhost/`.
 */

function options() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      'cors-origin': { type: 'string', multiple: true },
      issuer: { type: 'string' },
      'tls-key': { type: 'string' },
      'tls-cert': { type: 'string' },
      'refresh-mfa': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    console.log(
      'Usage: npm run emulator -- [--port N] [--host H] [--cors-origin ORIGIN]... [--issuer URL]\n' +
        '  [--tls-key FILE --tls-cert FILE] [--refresh-mfa mfa-audience|always|never]\n(env PORT also sets the port; default 4000)',
    );
    process.exit(0);
  }
  const port = Number(values.port ?? process.env.PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`Invalid port: ${values.port ?? process.env.PORT}`);
    process.exit(2);
  }
  const origins = values['cors-origin'];
  if ((values['tls-key'] === undefined) !== (values['tls-cert'] === undefined)) {
    console.error('--tls-key and --tls-cert go together.');
    process.exit(2);
  }
  const tls = values['tls-key'] && values['tls-cert'] ? { key: readFileSync(values['tls-key']), cert: readFileSync(values['tls-cert']) } : undefined;
  const refreshMfa = values['refresh-mfa'];
  if (refreshMfa !== undefined && !['mfa-audience', 'always', 'never'].includes(refreshMfa)) {
    console.error(`Invalid --refresh-mfa: ${refreshMfa}`);
    process.exit(2);
  }
  return {
    port,
    host: values.host,
    corsOrigins: origins && origins.length > 0 ? origins : ('*' as const),
    tls,
    ...(values.issuer !== undefined && { issuer: values.issuer }),
    ...(refreshMfa !== undefined && { refreshMfa: refreshMfa as RefreshMfaPolicy }),
  };
}

function describe(user: SeedUser): string {
  if (!user.authenticators?.length) return 'nothing enrolled';
  const parts = user.authenticators.map((a) =>
    a.factor === 'otp' && a.secret ? `otp (secret ${a.secret})` : 'phoneNumber' in a ? `${a.factor} (${a.phoneNumber})` : a.factor,
  );
  if (user.recoveryCode) parts.push(`recovery code ${user.recoveryCode}`);
  return `enrolled: ${parts.join(', ')}`;
}

const { port, host, corsOrigins, tls, ...tenant } = options();
const emulator = createEmulator({ corsOrigins, ...tenant, log: (line) => console.log(line) });
const server = await emulator.listen({ port, host, ...(tls && { tls }) });
const url = server.url;
const issuer = tenant.issuer ?? `${url}/`;

console.log(`Auth0 MFA emulator listening on ${url}
  MFA API            ${url}/mfa/   (audience ${url}/mfa/)
  Token endpoint     ${url}/oauth/token
  Management API     ${url}/api/v2/   (audience ${url}/api/v2/)
  OpenID Connect     ${url}/.well-known/openid-configuration   (issuer ${issuer})
  CORS               ${corsOrigins === '*' ? 'any origin' : corsOrigins.join(', ')}

Users (password "demo"):
${DEMO_USERS.map((u) => `  ${u.email}  ${describe(u)}`).join('\n')}
Clients:
${DEMO_CLIENTS.map((c) => `  ${c.clientId}${c.clientSecret ? ` / ${c.clientSecret}` : ''}  (${c.grants.join(', ')})`).join('\n')}
Control routes:
  GET  ${url}/__emulator/outbox      SMS, voice and email codes (also printed below)
  GET  ${url}/__emulator/push        pending pushes; POST …/push/{oob_code}/approve or /reject
  GET  ${url}/__emulator/users       POST to create one; GET …/requests, POST …/faults, POST …/reset
`);

let closing = false;
async function shutdown(signal: string): Promise<void> {
  if (closing) return;
  closing = true;
  console.log(`\n${signal}: closing.`);
  await server.close();
  process.exit(0);
}
process.once('SIGINT', () => void shutdown('SIGINT'));
process.once('SIGTERM', () => void shutdown('SIGTERM'));
