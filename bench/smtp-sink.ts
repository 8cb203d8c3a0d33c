import { SMTPServer } from 'smtp-server';

/** A real SMTP server on loopback that accepts every message and only counts it. */
export interface SmtpSink {
  readonly url: string;
  readonly accepted: () => number;
  close(): Promise<void>;
}

/**
 * Unlike the tests' capturing server (test/support/smtp.ts), nothing is parsed: parsing in the
 * same process would be counted against the sender's throughput.
 */
export async function startSmtpSink(): Promise<SmtpSink> {
  let accepted = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      stream.on('end', () => {
        accepted++;
        callback();
      });
      stream.resume();
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `smtp://127.0.0.1:${port}`,
    accepted: () => accepted,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
