/**
 * Runs the real ReturnDesk app for a test run: a fresh SQLite database in a
 * temporary folder, migrated and seeded with the demo store, served on a
 * free local port. Or several processes of it on one fresh PostgreSQL
 * database, as behind a load balancer, dropped again when they stop.
 */

import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO_ROOT = resolve(import.meta.dirname, '..', '..');
const STATIC_INDEX = join(REPO_ROOT, 'src', 'returndesk', 'web', 'static', 'index.html');

/** The staff member every run signs in as. */
export const STAFF = {
  email: 'sam.agent@example.com',
  name: 'Sam Lee',
  password: randomBytes(12).toString('hex'),
};

/**
 * The PostgreSQL server the PostgreSQL cases use, named as for the Python tests
 * (`RETURNDESK_TEST_POSTGRES_URL`), by a database there whose user may create
 * others: each run makes a database of its own and drops it at the end.
 */
const POSTGRES_URL =
  process.env.RETURNDESK_TEST_POSTGRES_URL ??
  'postgresql+asyncpg://postgres@127.0.0.1:5432/postgres';

export type DatabaseKind = 'sqlite' | 'postgres';

export interface RunningApp {
  baseUrl: string;
  /** Stop it: a group's process alone (see `startApps`); `startApp`'s with its database. */
  stop(): Promise<void>;
  log(): string;
  /** Run the `returndesk` command line against this app's database; resolves to its output. */
  cli(args: string[]): Promise<string>;
  /** A customer token as a store's site would sign it for embedded mode (HS256, 5 minutes). */
  customerToken(customerId: string): string;
}

/** A JSON Web Token signed with HS256, as `RETURNDESK_EMBED_JWT_SECRET` expects. */
export function signToken(claims: Record<string, unknown>, secret: string): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${part({ alg: 'HS256', typ: 'JWT' })}.${part(claims)}`;
  const signature = createHmac('sha256', secret).update(unsigned).digest('base64url');
  return `${unsigned}.${signature}`;
}

function cliPath(): string {
  return process.env.RETURNDESK_BIN ?? join(REPO_ROOT, '.venv', 'bin', 'returndesk');
}

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

/** Run the command line once, with `input` on stdin; resolves to what it printed on stdout. */
function runOnce(
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd: string,
  input?: string,
): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(cliPath(), args, { env, cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin?.end(input ?? '');
    let stdout = '';
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0
        ? done(stdout)
        : fail(new Error(`returndesk ${args.join(' ')} exited ${code}:\n${output}`)),
    );
  });
}

async function waitUntilReady(
  baseUrl: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`the server exited early (code ${child.exitCode})`);
    try {
      const response = await fetch(`${baseUrl}/readyz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((wait) => setTimeout(wait, 200));
  }
  throw new Error(`the server was not ready within ${timeoutMs} ms`);
}

/** Processes of the app on one database, started together; `stop` ends them and the database. */
export interface AppGroup {
  apps: RunningApp[];
  stop(): Promise<void>;
}

/** A database of its own on the PostgreSQL server, for one run. */
interface ScratchDatabase {
  /** As the app reads it (`RETURNDESK_DATABASE_URL`). */
  url: string;
  drop(): Promise<void>;
}

/** `POSTGRES_URL` for the app (`asyncpg`) or for libpq's programs, on another database if named. */
function postgresUrl(scheme: 'postgresql+asyncpg' | 'postgresql', database?: string): string {
  const url = new URL(POSTGRES_URL);
  if (database) url.pathname = `/${database}`;
  return `${scheme}:${url.href.slice(url.protocol.length)}`;
}

/** Run a PostgreSQL client program (`createdb`, `dropdb`) on the server of `POSTGRES_URL`. */
function runPostgresTool(tool: string, args: string[]): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(tool, [`--maintenance-db=${postgresUrl('postgresql')}`, ...args], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let output = '';
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', fail);
    child.once('exit', (code) =>
      code === 0
        ? done()
        : fail(
            new Error(
              `${tool} ${args.join(' ')} exited ${code} (PostgreSQL at RETURNDESK_TEST_POSTGRES_URL):\n${output}`,
            ),
          ),
    );
  });
}

/** A fresh, empty database with a name no other run uses. */
async function createPostgresDatabase(): Promise<ScratchDatabase> {
  const name = `returndesk_e2e_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await runPostgresTool('createdb', [name]);
  return {
    url: postgresUrl('postgresql+asyncpg', name),
    // FORCE: connections a killed process left open do not keep it.
    drop: () => runPostgresTool('dropdb', ['--if-exists', '--force', name]),
  };
}

function checkPrerequisites(): void {
  if (!existsSync(cliPath())) {
    throw new Error(
      `${cliPath()} not found: create the virtualenv (make setup) or set RETURNDESK_BIN`,
    );
  }
  if (!existsSync(STATIC_INDEX)) {
    throw new Error('the UI is not built: run `npm run build` first');
  }
}

/** Serve the app from `env` on a free port; resolves once it answers /readyz. */
async function serve(
  env: NodeJS.ProcessEnv,
  workDir: string,
  embedSecret: string,
): Promise<RunningApp> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const child = spawn(cliPath(), ['serve', '--host', '127.0.0.1', '--port', String(port)], {
    env,
    cwd: workDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((done) => child.once('exit', done));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
  };

  try {
    await waitUntilReady(baseUrl, child, 30_000);
  } catch (error) {
    await stop();
    throw new Error(`${(error as Error).message}\n${output}`);
  }
  return {
    baseUrl,
    stop,
    log: () => output,
    cli: (args) => runOnce(args, env, workDir),
    customerToken: (customerId) =>
      signToken({ sub: customerId, exp: Math.floor(Date.now() / 1000) + 300 }, embedSecret),
  };
}

/**
 * Start `count` processes of the app on one fresh database (SQLite in a
 * temporary folder, or a PostgreSQL database of their own), migrated and
 * seeded once, sharing their secrets as one deployment's would.
 */
export async function startApps(count: number, database: DatabaseKind): Promise<AppGroup> {
  checkPrerequisites();
  const workDir = mkdtempSync(join(tmpdir(), 'returndesk-e2e-'));
  let scratch: ScratchDatabase | null = null;
  const apps: RunningApp[] = [];
  const stop = async () => {
    try {
      await Promise.all(apps.map((app) => app.stop()));
      await scratch?.drop();
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  };

  try {
    if (database === 'postgres') scratch = await createPostgresDatabase();
    const embedSecret = randomBytes(32).toString('hex');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      RETURNDESK_DATABASE_URL: scratch?.url ?? `sqlite+aiosqlite:///${join(workDir, 'e2e.db')}`,
      RETURNDESK_SECRET_KEY: randomBytes(24).toString('hex'),
      RETURNDESK_ENVIRONMENT: 'test',
      RETURNDESK_LOG_LEVEL: 'warning',
      // These cases drive ReturnDesk's own page, whatever the developer's shell says.
      RETURNDESK_UI: 'returndesk',
      // Embedded mode: the run plays the store's site that signs customer tokens.
      RETURNDESK_EMBED_JWT_SECRET: embedSecret,
    };
    await runOnce(['db', 'upgrade'], env, workDir);
    await runOnce(['seed', 'demo'], env, workDir);
    await runOnce(
      ['staff', 'add', STAFF.email, '--name', STAFF.name, '--role', 'agent', '--password-stdin'],
      env,
      workDir,
      `${STAFF.password}\n`,
    );
    for (let started = 0; started < count; started += 1) {
      apps.push(await serve(env, workDir, embedSecret));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { apps, stop };
}

/** The app a run's cases share: one process on a fresh SQLite database. */
export async function startApp(): Promise<RunningApp> {
  const group = await startApps(1, 'sqlite');
  const [app] = group.apps;
  if (!app) throw new Error('no app was started');
  return { ...app, stop: group.stop };
}
