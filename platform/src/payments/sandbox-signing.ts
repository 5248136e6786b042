/**
 * The sandbox's signatures: payment references that carry their own facts (so the sandbox needs
 * no state to refund or complete them, and a restart changes nothing) and webhook deliveries
 * signed like Stripe's (`t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`).
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { WebhookHeaders } from './port';
import { WebhookSignatureError, headerValue } from './port';

export const sandboxSignatureHeader = 'sandbox-signature';

/** What a sandbox payment reference says about its payment. */
export interface SandboxPaymentFacts {
  paymentId: string;
  amount: number;
  currency: string;
  /** s: captured, d: declined, a: waits for a customer action (3-D Secure). */
  kind: 's' | 'd' | 'a';
}

const hmac = (secret: string, text: string): Buffer => createHmac('sha256', secret).update(text).digest();

/** A short deterministic id: the same parts always give the same id. */
export const digestId = (prefix: string, ...parts: string[]): string =>
  `${prefix}${createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 24)}`;

const referencePrefix = 'pi_sbx.';

export function encodeReference(secret: string, facts: SandboxPaymentFacts): string {
  const payload = Buffer.from(JSON.stringify([facts.paymentId, facts.amount, facts.currency, facts.kind])).toString('base64url');
  const signature = hmac(secret, `reference.${payload}`).subarray(0, 12).toString('base64url');
  return `${referencePrefix}${payload}.${signature}`;
}

/** The facts of a reference this sandbox issued; undefined for anything else (forged, altered, another provider's). */
export function decodeReference(secret: string, reference: string): SandboxPaymentFacts | undefined {
  if (!reference.startsWith(referencePrefix)) return undefined;
  const [payload, signature, ...rest] = reference.slice(referencePrefix.length).split('.');
  if (!payload || !signature || rest.length > 0) return undefined;
  const expected = hmac(secret, `reference.${payload}`).subarray(0, 12);
  const given = Buffer.from(signature, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  const [paymentId, amount, currency, kind] = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as [string, number, string, SandboxPaymentFacts['kind']];
  return { paymentId, amount, currency, kind };
}

export interface SignedWebhook {
  rawBody: Buffer;
  headers: Record<string, string>;
}

export function signWebhookBody(secret: string, rawBody: Buffer, timestampSeconds: number): SignedWebhook {
  const signature = hmac(secret, `${timestampSeconds}.${rawBody.toString('utf8')}`).toString('hex');
  return { rawBody, headers: { [sandboxSignatureHeader]: `t=${timestampSeconds},v1=${signature}`, 'content-type': 'application/json' } };
}

/** Throws WebhookSignatureError unless one v1 signature matches and the timestamp is at most `toleranceSeconds` old (as Stripe checks). */
export function verifyWebhookBody(secret: string, rawBody: Buffer, headers: WebhookHeaders, nowSeconds: number, toleranceSeconds: number): void {
  const header = headerValue(headers, sandboxSignatureHeader);
  if (!header) throw new WebhookSignatureError(`no ${sandboxSignatureHeader} header`, sandboxSignatureHeader);
  const parts = header.split(',').map((part) => part.trim().split('='));
  const timestamp = Number(parts.find(([key]) => key === 't')?.[1]);
  const signatures = parts.filter(([key, value]) => key === 'v1' && value).map(([, value]) => Buffer.from(value ?? '', 'hex'));
  if (!Number.isInteger(timestamp) || signatures.length === 0) throw new WebhookSignatureError('malformed signature header', sandboxSignatureHeader);
  const expected = hmac(secret, `${timestamp}.${rawBody.toString('utf8')}`);
  if (!signatures.some((given) => given.length === expected.length && timingSafeEqual(given, expected))) {
    throw new WebhookSignatureError('no signature matches the payload', sandboxSignatureHeader);
  }
  if (toleranceSeconds > 0 && nowSeconds - timestamp > toleranceSeconds) throw new WebhookSignatureError('timestamp outside the tolerance', sandboxSignatureHeader);
}
