// Browser mode: `npm run serve` serves the console to a browser on this machine (Node only).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { DatabaseConfig } from './core/db/connect';
import { DATABASE_URL_ENV, MACHINE_CONFIG_FILE_NAME, chooseDatabase, machineConfigDir } from './core/machine-config';
import { defaultDataDir, startRuntime } from './core/runtime';
import { LOOPBACK_NAMES, normalizeHostName } from './http/allowed-hosts';
import { startHttpServer } from './http/http-server';

const usage = `Usage: npm run serve -- [--port 4780] [--host 127.0.0.1] [--allowed-host NAME]… [--data-dir DIR] [--database postgres://…] [--demo]`;

function fatal(message: string): never {
  console.error(message);
  process.exit(2);
}

async function main() {
  let args;
  try {
    args = parseArgs({
      options: {
        port: { type: 'string', default: '4780' },
        host: { type: 'string', default: '127.0.0.1' },
        'allowed-host': { type: 'string', multiple: true, default: [] },
        'data-dir': { type: 'string' },
        database: { type: 'string' },
        demo: { type: 'boolean', default: false },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (error) {
    fatal(`${(error as Error).message}\n${usage}`);
  }
  if (args.help) {
    console.log(usage);
    return;
  }
  const port = Number(args.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fatal(`--port must be a number from 0 to 65535.\n${usage}`);
  const allowedHosts = args['allowed-host'].map((name) => {
    try {
      return normalizeHostName(name);
    } catch {
      fatal(`--allowed-host takes a host name, optionally with a port (dispatch.example.com:8443), not "${name}".`);
    }
  });

  // Flags given on the command line win; otherwise the same choice as the desktop app makes.
  const dataDir = args['data-dir'];
  const choice = chooseDatabase({
    env: args.database ? { [DATABASE_URL_ENV]: args.database } : dataDir ? {} : process.env,
    configFile: args.database || dataDir ? '' : path.join(machineConfigDir(), MACHINE_CONFIG_FILE_NAME),
    dataDir: path.resolve(dataDir ?? defaultDataDir()),
  });
  if (!choice.ok) fatal(args.database ? `--database takes a postgres:// or postgresql:// URL.` : choice.message);
  const database: DatabaseConfig = choice.database;

  const runtime = await startRuntime({ database, demo: args.demo ? 'world' : false });
  const staticDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'renderer');
  const server = await startHttpServer({ core: runtime.core, staticDir, host: args.host, port, allowedHosts });

  const where = database.kind === 'sqlite' ? `SQLite at ${database.file}` : 'PostgreSQL';
  console.log(`Dispatch Console is serving ${server.url}/ (database: ${where})`);
  if (args.host !== '127.0.0.1' && args.host !== 'localhost' && args.host !== '::1') {
    console.log(`Listening beyond this machine on ${args.host}: anyone who can reach it sees the login page.`);
    // Requests must name the server (DNS rebinding): say which names other machines may use.
    const names = [...LOOPBACK_NAMES, ...(['0.0.0.0', '::'].includes(args.host) ? [] : [args.host]), ...allowedHosts];
    console.log(`It answers only to ${names.join(', ')}; add the name other machines use with --allowed-host NAME.`);
  }
  if (runtime.demoLoaded) {
    console.log(
      'DEMO DATA loaded: users desk, dispatcher, technician, manager, supervisor and admin, each with the password "demo". Not for real use.',
    );
  }

  const stop = async () => {
    await server.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error: unknown) => fatal(`Dispatch Console could not start: ${(error as Error).message}`));
