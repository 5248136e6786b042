import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { SMTPServerAddress, SMTPServerDataStream, SMTPServerSession } from 'smtp-server';

/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port, for tests that must
 * count every email at the server. Messages are parsed (mailparser) before the server answers
 * 250, so once a send resolves the message is in `messages()`. Test code only.
 */
export interface ReceivedMail {
  /** The Message-ID without its angle brackets, e.g. `3f2a…@ecommerce`. */
  messageId: string | undefined;
  /** The SMTP envelope. */
  mailFrom: string;
  rcptTo: string[];
  /** The From and To headers as addresses. */
  from: string[];
  to: string[];
  subject: string | undefined;
  text: string | undefined;
  html: string | undefined;
  headers: Map<string, unknown>;
  raw: string;
}

export interface TestSmtpServer {
  /** `smtp://127.0.0.1:<port>`, ready for SMTP_URL. */
  url: string;
  port: number;
  /** Every message accepted so far, in order of arrival. */
  messages(): ReceivedMail[];
  /** Connections a client dropped in the middle of a transaction (a killed sender). */
  connectionsCut(): number;
  /** How often each Message-ID arrived: exactly-once means every count is 1. */
  countByMessageId(): Record<string, number>;
  /** Resolves when at least `count` messages have arrived; rejects after `timeoutMs`. */
  waitForMessages(count: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  stop(): Promise<void>;
}

export interface TestSmtpServerOptions {
  /** Recipients the server refuses at RCPT TO, with the reply code (550 permanent, 450 transient). */
  rejectRecipients?: Record<string, number>;
  /** Ask for a given port (0 or absent: a free one). */
  port?: number;
}

export async function startTestSmtpServer(options: TestSmtpServerOptions = {}): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const rejections = new Map(Object.entries(options.rejectRecipients ?? {}).map(([address, code]) => [address.toLowerCase(), code]));

  const server = new SMTPServer({
    logger: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    // Clients still connected (a pooled transport) are cut after this on stop().
    closeTimeout: 1000,
    // Any credentials pass: the tests check what arrives, not who sent it.
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? 'anonymous' }),
    onRcptTo(address: SMTPServerAddress, _session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const code = rejections.get(address.address.toLowerCase());
      if (code === undefined) return callback();
      callback(Object.assign(new Error(`mailbox ${address.address} unavailable`), { responseCode: code }));
    },
    onData(stream: SMTPServerDataStream, session: SMTPServerSession, callback: (error?: Error | null) => void) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', callback);
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              messageId: parsed.messageId?.replace(/^<|>$/g, ''),
              mailFrom: session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address,
              rcptTo: session.envelope.rcptTo.map((recipient) => recipient.address),
              from: addressesOf(parsed.from),
              to: addressesOf(parsed.to),
              subject: parsed.subject,
              text: parsed.text,
              html: typeof parsed.html === 'string' ? parsed.html : undefined,
              headers: parsed.headers,
              raw,
            });
            callback();
          })
          .catch((error: unknown) => callback(error instanceof Error ? error : new Error(String(error))));
      });
    },
  });

  // A client that dies mid-message (a SIGKILLed sender) makes the server emit 'error': that is the
  // client's failure, not the server's, and must not crash the test process.
  let connectionsCut = 0;
  server.on('error', () => {
    connectionsCut += 1;
  });
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages: () => [...received],
    connectionsCut: () => connectionsCut,
    countByMessageId() {
      const counts: Record<string, number> = {};
      for (const mail of received) {
        const key = mail.messageId ?? '(none)';
        counts[key] = (counts[key] ?? 0) + 1;
      }
      return counts;
    },
    async waitForMessages(count, timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length < count) {
        if (Date.now() > deadline) throw new Error(`expected ${count} messages at the SMTP server, got ${received.length}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return [...received];
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type ParsedAddress = { value: Array<{ address?: string }> };

function addressesOf(field: ParsedAddress | ParsedAddress[] | undefined): string[] {
  if (field === undefined) return [];
  return (Array.isArray(field) ? field : [field]).flatMap((object) => object.value.map((entry) => entry.address ?? ''));
}
