/**
 * The notification sender port (email, SMS), its SMTP (nodemailer) and log-SMS adapters, and the
 * email templates. The SMTP test server (`smtp-test-server.fixture.ts`) is imported by tests directly.
 */
export type { NotificationData, NotificationSender, OutgoingNotification, SendResult, SenderChannel } from './port';
export { NotificationDeliveryError, isEmailAddress, isPhoneNumber } from './port';
export { createSmtpSender, createSmtpTransport } from './smtp';
export type { SmtpSenderOptions, SmtpTransport } from './smtp';
export { createLogSmsSender, maskPhoneNumber } from './sms-log';
export { createLogEmailSender, maskEmailAddress } from './email-log';
export { escapeHtml, formatMoney, notificationKinds, renderNotification, textToHtml } from './templates';
export type { RenderedNotification } from './templates';
