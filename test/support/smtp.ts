import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that keeps every message it accepted, parsed. */
export interface CapturingSmtp {
  readonly url: string;
  readonly received: ParsedMail[];
  /** Go down while receiving the n-th message from now (1 = the next one): that message is never accepted. */
  goDownOnMessage(n: number): void;
  close(): Promise<void>;
}

/**
 * Start an SMTP server on 127.0.0.1 (port chosen by the system) for one test file. `onMessage`
 * runs once a message is kept, before the sender is told it was accepted.
 */
export async function startCapturingSmtp(
  options: { readonly onMessage?: (received: number) => void } = {},
): Promise<CapturingSmtp> {
  const received: ParsedMail[] = [];
  let downAt = 0;
  let seen = 0;
  let closed: Promise<void> | undefined;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      seen++;
      if (downAt > 0 && seen >= downAt) {
        stream.resume();
        // A server dying half-way through a run: every open connection is cut, nothing more is accepted.
        const connections = (server as unknown as { connections: Set<{ _socket?: { destroy(): void } }> }).connections;
        for (const connection of connections) connection._socket?.destroy();
        closed ??= new Promise<void>((resolve) => server.close(() => resolve()));
        return;
      }
      simpleParser(stream)
        .then((mail) => {
          received.push(mail);
          options.onMessage?.(received.length);
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    goDownOnMessage(n) {
      downAt = seen + n;
    },
    close: () => (closed ??= new Promise<void>((resolve) => server.close(() => resolve()))),
  };
}
