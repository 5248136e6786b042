import { createServer } from 'node:net';
import type { AddressInfo, Server, Socket } from 'node:net';
import { isRetriable } from '../messaging';
import { NotificationDeliveryError } from './port';
import type { NotificationData, OutgoingNotification } from './port';
import { createSmtpSender, createSmtpTransport } from './smtp';
import { startTestSmtpServer } from './smtp-test-server.fixture';
import type { TestSmtpServer } from './smtp-test-server.fixture';
import { notificationKinds, renderNotification } from './templates';

const from = 'Shop <shop@localhost>';

const createTestEmail = (overrides: Partial<OutgoingNotification> = {}): OutgoingNotification => {
  const kind = overrides.kind ?? 'order_confirmed';
  const data: NotificationData = overrides.data ?? { name: 'Ann <script>', orderId: 'order-42', amount: 2598, currency: 'EUR', carrier: 'DHL', trackingNumber: 'TN-1' };
  return { id: `${kind}-0001`, channel: 'email', recipient: 'ann@example.com', kind, data, ...renderNotification(kind, data), ...overrides };
};

const failureOf = async (promise: Promise<unknown>): Promise<NotificationDeliveryError> => {
  const error: unknown = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(NotificationDeliveryError);
  return error as NotificationDeliveryError;
};

describe('the SMTP sender against a real SMTP server', () => {
  let server: TestSmtpServer;
  let transport: ReturnType<typeof createSmtpTransport>;

  beforeEach(async () => {
    server = await startTestSmtpServer({ rejectRecipients: { 'gone@example.com': 550, 'full@example.com': 452 } });
    transport = createSmtpTransport(server.url);
  });

  afterEach(async () => {
    transport.close();
    await server.stop();
  });

  it('delivers each kind once, with From, To, Subject, Message-ID and both bodies', async () => {
    const sender = createSmtpSender(transport, { from });
    const messages = notificationKinds.map((kind) => createTestEmail({ kind }));
    const results = await Promise.all(messages.map((message) => sender.send(message)));

    expect(results).toEqual(messages.map((message) => ({ providerMessageId: `<${message.id}@ecommerce>` })));
    expect(server.countByMessageId()).toEqual(Object.fromEntries(messages.map((message) => [`${message.id}@ecommerce`, 1])));
    for (const message of messages) {
      const mail = server.messages().find((received) => received.messageId === `${message.id}@ecommerce`);
      expect(mail).toMatchObject({
        mailFrom: 'shop@localhost',
        rcptTo: ['ann@example.com'],
        from: ['shop@localhost'],
        to: ['ann@example.com'],
        subject: message.subject,
        text: message.text,
        html: message.html,
      });
      expect(mail?.headers.get('x-notification-kind')).toBe(message.kind);
      expect(mail?.raw).toMatch(/Content-Type: multipart\/alternative/i);
      expect(mail?.raw).toContain(`Message-ID: <${message.id}@ecommerce>`);
      expect(mail?.html).toContain('Hello Ann &lt;script&gt;,');
    }
  });

  it('sends the HTML twin of the text when the message has no HTML of its own', async () => {
    const sender = createSmtpSender(transport, { from });
    await sender.send(createTestEmail({ subject: 'Plain', text: 'One & two\n\nThree', html: undefined }));
    const [mail] = await server.waitForMessages(1);
    expect(mail?.text).toBe('One & two\n\nThree');
    expect(mail?.html).toContain('<p>One &amp; two</p>\n<p>Three</p>');
  });

  it('sends a resent message with the same Message-ID, so the receiver can tell', async () => {
    const sender = createSmtpSender(transport, { from });
    await sender.send(createTestEmail());
    await sender.send(createTestEmail());
    expect(server.countByMessageId()).toEqual({ 'order_confirmed-0001@ecommerce': 2 });
  });

  it('fails for good when the server rejects the recipient with 550', async () => {
    const sender = createSmtpSender(transport, { from });
    const error = await failureOf(sender.send(createTestEmail({ recipient: 'gone@example.com' })));
    expect(error.permanent).toBe(true);
    expect(isRetriable(error)).toBe(false);
    expect(error.details).toMatchObject({ notificationId: 'order_confirmed-0001', channel: 'email', responseCode: 550 });
    expect(server.messages()).toHaveLength(0);
  });

  it('fails retriably when the server defers the recipient with a 4xx', async () => {
    const sender = createSmtpSender(transport, { from });
    const error = await failureOf(sender.send(createTestEmail({ recipient: 'full@example.com' })));
    expect(error.permanent).toBe(false);
    expect(isRetriable(error)).toBe(true);
    expect(error.details).toMatchObject({ responseCode: 452 });
  });

  it('refuses an invalid address for good without asking the server', async () => {
    const sender = createSmtpSender(transport, { from });
    for (const recipient of ['not-an-address', 'ann@example.com, eve@example.com', 'ann@example.com\r\nBcc: eve@example.com']) {
      const error = await failureOf(sender.send(createTestEmail({ recipient })));
      expect(isRetriable(error)).toBe(false);
    }
    expect(server.messages()).toHaveLength(0);
  });

  it('logs in when SMTP_URL carries credentials', async () => {
    const withCredentials = createSmtpTransport(server.url.replace('smtp://', 'smtp://shop:p%40ss@'));
    try {
      await createSmtpSender(withCredentials, { from }).send(createTestEmail());
    } finally {
      withCredentials.close();
    }
    expect(server.messages()).toHaveLength(1);
  });
});

describe('the SMTP sender without a working server', () => {
  it('fails retriably when the server is down', async () => {
    const stopped = await startTestSmtpServer();
    await stopped.stop();
    const transport = createSmtpTransport(stopped.url, { timeoutMs: 2000 });
    try {
      const error = await failureOf(createSmtpSender(transport, { from }).send(createTestEmail()));
      expect(error.permanent).toBe(false);
      expect(isRetriable(error)).toBe(true);
      expect(error.message).toMatch(/unreachable/);
    } finally {
      transport.close();
    }
  });

  it('fails retriably when the server never greets', async () => {
    const sockets = new Set<Socket>();
    const silent: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as AddressInfo;
    const transport = createSmtpTransport(`smtp://127.0.0.1:${port}`, { timeoutMs: 300 });
    try {
      const error = await failureOf(createSmtpSender(transport, { from }).send(createTestEmail()));
      expect(isRetriable(error)).toBe(true);
      expect(error.message).toMatch(/ETIMEDOUT/);
    } finally {
      transport.close();
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});
