import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { ImapFlow } from 'imapflow';

/** The Debian package dovecot-imapd puts it here (`.ci/run` installs it). */
export const DOVECOT_BINARY = '/usr/sbin/dovecot';

/** A real Dovecot on loopback with one mailbox user, for one test file. */
export interface TestDovecot {
  readonly host: string;
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /** IMAP_URL for this server and folder (default INBOX). */
  url(folder?: string): string;
  /** Put a raw message into a folder with IMAP APPEND, as delivery would; returns its UID. */
  append(raw: Buffer, options?: { readonly receivedAt?: Date; readonly folder?: string }): Promise<number>;
  /** The flags and keywords of every message of a folder, by UID. */
  flags(folder?: string): Promise<Map<number, Set<string>>>;
  stop(): Promise<void>;
}

/**
 * Start Dovecot as a non-daemon child (`-F`) on a free loopback port, with a throw-away config,
 * maildir and passwd-file: plaintext login allowed, no TLS. Resolves once it greets an IMAP client.
 */
export async function startDovecot(): Promise<TestDovecot> {
  const dir = await mkdtemp(path.join(tmpdir(), 'dv-'));
  const port = await freePort();
  const user = 'donvi';
  const password = randomBytes(9).toString('hex');
  // Dovecot refuses mail access as root: a root test run stores mail as the package's own user.
  const me = userInfo();
  const mailUser = me.uid === 0 ? 'dovecot' : me.username;
  const mailGroup = me.uid === 0 ? 'dovecot' : String(me.gid);
  await chmod(dir, 0o777);
  await writeFile(path.join(dir, 'passwd'), `${user}:{PLAIN}${password}\n`);
  await writeFile(
    path.join(dir, 'dovecot.conf'),
    config({
      dir,
      port,
      mailUser,
      mailGroup,
      internalUser: me.uid === 0 ? 'dovecot' : me.username,
      loginUser: me.uid === 0 ? 'dovenull' : me.username,
    }),
  );
  const child = spawn(DOVECOT_BINARY, ['-F', '-c', path.join(dir, 'dovecot.conf')], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  await startedUp(child);
  await greeted(port);

  const connect = async () => {
    const client = new ImapFlow({
      host: '127.0.0.1',
      port,
      secure: false,
      auth: { user, pass: password },
      logger: false,
    });
    await client.connect();
    return client;
  };
  return {
    host: '127.0.0.1',
    port,
    user,
    password,
    url: (folder = 'INBOX') => `imap://${user}:${password}@127.0.0.1:${port}/${encodeURIComponent(folder)}`,
    async append(raw, options = {}) {
      const client = await connect();
      try {
        const folder = options.folder ?? 'INBOX';
        if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => undefined);
        const appended = await client.append(folder, raw, [], options.receivedAt);
        if (!appended || appended.uid === undefined)
          throw new Error('Dovecot did not return the UID of an appended message');
        return appended.uid;
      } finally {
        await client.logout();
      }
    },
    async flags(folder = 'INBOX') {
      const client = await connect();
      const flags = new Map<number, Set<string>>();
      try {
        const lock = await client.getMailboxLock(folder);
        try {
          for await (const message of client.fetch('1:*', { flags: true, uid: true }))
            flags.set(message.uid, message.flags ?? new Set());
        } finally {
          lock.release();
        }
      } finally {
        await client.logout();
      }
      return flags;
    },
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
        child.kill('SIGTERM');
        await exited;
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function config(c: {
  dir: string;
  port: number;
  mailUser: string;
  mailGroup: string;
  internalUser: string;
  loginUser: string;
}): string {
  return `base_dir = ${c.dir}/run
state_dir = ${c.dir}/state
log_path = /dev/stderr
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = ${c.internalUser}
default_internal_group = ${c.mailGroup}
default_login_user = ${c.loginUser}
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:${c.dir}/mail/%u
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${c.dir}/passwd
}
userdb {
  driver = static
  args = uid=${c.mailUser} gid=${c.mailGroup} home=${c.dir}/mail/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${c.port}
  }
  inet_listener imaps {
    port = 0
  }
}
`;
}

/** The master logs "starting up" once its listeners are bound; it exits at once on a bad config. */
function startedUp(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = '';
    const onData = (chunk: Buffer) => {
      log += chunk.toString();
      if (/starting up/.test(log)) {
        child.stderr?.off('data', onData);
        // Keep draining its log so the pipe never fills.
        child.stderr?.resume();
        resolve();
      }
    };
    child.stderr?.on('data', onData);
    child.once('error', reject);
    child.once('exit', (code) =>
      reject(
        new Error(
          `Dovecot exited (${code}) before starting: ${log.trim()} — install it with apt-get install dovecot-imapd`,
        ),
      ),
    );
  });
}

/** Connect once and wait for the IMAP greeting. */
function greeted(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('data', (data) => {
      socket.destroy();
      if (data.toString().startsWith('* OK')) resolve();
      else reject(new Error(`Dovecot greeted with ${data.toString().trim()}`));
    });
    socket.once('error', reject);
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
