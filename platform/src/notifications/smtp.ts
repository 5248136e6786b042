import nodemailer from 'nodemailer';
import type { NodemailerError, SMTPSentMessageInfo, SendMailOptions, Transporter } from 'nodemailer';
import { isEmailAddress, assertSendable, NotificationDeliveryError } from './port';
import type { NotificationSender, OutgoingNotification, SendResult } from './port';
import { textToHtml } from './templates';

/** The part of a nodemailer transporter the sender uses (a pooled SMTP transport in production). */
export type SmtpTransport = Pick<Transporter<SMTPSentMessageInfo>, 'sendMail'>;

export interface SmtpSenderOptions {
  /** The From address, e.g. `shop@example.com` or `Shop <shop@example.com>`. */
  from: string;
  /** The right-hand side of every Message-ID (`<id@ecommerce>`). */
  messageIdDomain?: string;
}

/**
 * Email over SMTP. The notification id becomes the Message-ID, so a resend after a crash carries
 * the same id and the receiving side (and the tests) can count each message once. The HTML body
 * is the message's own, or the text's twin in the templates' layout.
 */
export function createSmtpSender(transport: SmtpTransport, options: SmtpSenderOptions): NotificationSender {
  const domain = options.messageIdDomain ?? 'ecommerce';
  return {
    channel: 'email',
    async send(message: OutgoingNotification): Promise<SendResult> {
      assertSendable(message, 'email', isEmailAddress);
      const messageId = `<${message.id}@${domain}>`;
      const mail: SendMailOptions = {
        from: options.from,
        to: message.recipient,
        subject: message.subject,
        text: message.text,
        html: message.html ?? textToHtml(message.subject, message.text),
        messageId,
        headers: { 'X-Notification-Kind': message.kind },
        disableFileAccess: true,
        disableUrlAccess: true,
      };
      let info: SMTPSentMessageInfo;
      try {
        info = await transport.sendMail(mail);
      } catch (error) {
        throw toDeliveryError(error, message);
      }
      if (info.rejected.length > 0) {
        throw new NotificationDeliveryError(message, 'the SMTP server rejected the recipient', { permanent: true });
      }
      return { providerMessageId: info.messageId ?? messageId };
    },
  };
}

/**
 * A pooled SMTP transport for `SMTP_URL` (`smtp://user:pass@host:port`, `smtps://…`), with
 * timeouts (default 10 s to connect and greet, 30 s idle) short enough that a dead server is a
 * prompt, retriable failure. The caller closes it (`transport.close()`).
 */
export function createSmtpTransport(
  url: string,
  options: { maxConnections?: number; timeoutMs?: number } = {},
): Transporter<SMTPSentMessageInfo> {
  const { hostname, port, protocol, username, password } = new URL(url);
  const timeoutMs = options.timeoutMs ?? 10_000;
  return nodemailer.createTransport({
    pool: true,
    maxConnections: options.maxConnections ?? 5,
    host: hostname,
    port: port === '' ? undefined : Number(port),
    secure: protocol === 'smtps:',
    ...(username ? { auth: { user: decodeURIComponent(username), pass: decodeURIComponent(password) } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: 3 * timeoutMs,
  });
}

/** Failures that end a connection rather than refuse the message: worth another try. */
const transientCodes = new Set([
  'ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ETLS', 'EMAXLIMIT', 'EPROXY',
  'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN',
]);
/** Failures of the message itself, with no SMTP reply (an address nodemailer cannot use). */
const permanentCodes = new Set(['EENVELOPE', 'EMESSAGE']);

/** Nodemailer's error in our taxonomy; what it does not recognise is rethrown unchanged. */
function toDeliveryError(error: unknown, message: OutgoingNotification): unknown {
  // Duck-typed: socket errors may come from another realm (a Jest VM), where instanceof Error fails.
  if (typeof error !== 'object' || error === null) return error;
  const { code, responseCode, response, message: text } = error as NodemailerError;
  if (typeof responseCode === 'number') {
    // RFC 5321: 5yz is permanent, 4yz transient; 503 (bad sequence) passes on a new connection.
    const permanent = responseCode >= 500 && responseCode !== 503;
    const reason = `SMTP ${permanent ? 'rejected' : 'deferred'} (${(response ?? String(responseCode)).slice(0, 200)})`;
    return new NotificationDeliveryError(message, reason, { permanent, responseCode, cause: error });
  }
  if (code !== undefined && transientCodes.has(code)) {
    return new NotificationDeliveryError(message, `SMTP server unreachable (${code}: ${text})`, { permanent: false, cause: error });
  }
  if (code !== undefined && permanentCodes.has(code)) {
    return new NotificationDeliveryError(message, `message refused (${code}: ${text})`, { permanent: true, cause: error });
  }
  return error;
}
