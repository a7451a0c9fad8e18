import type { Transporter } from 'nodemailer';
import { loadOnce } from '@app/common';
import type { NotifyConfig } from '../../notify-config.js';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  unsubscribeUrl: string;
  /** Stable per delivery, so a retry after a lost reply is recognisably the same message. */
  messageId: string;
}

/** nodemailer is imported with the first message: a process without SMTP never holds it (bench/README.md, memory). */
const loadNodemailer = loadOnce(async () => (await import('nodemailer')).default);

/** Sends notification e-mail over SMTP with nodemailer; one transport per process, opened by the first message. */
export class Mailer {
  private transport: Promise<Transporter> | null = null;

  constructor(private readonly config: NotifyConfig & { smtp: NonNullable<NotifyConfig['smtp']> }) {}

  private open(): Promise<Transporter> {
    const { smtp } = this.config;
    this.transport ??= loadNodemailer().then((nodemailer) => nodemailer.createTransport({
      host: smtp.host, port: smtp.port, secure: smtp.secure,
      // Reused connections: a burst is not one TCP + SMTP handshake per message.
      pool: true, maxConnections: this.config.worker.concurrency, maxMessages: 1000,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
    }), (err: unknown) => { this.transport = null; throw err; });
    return this.transport;
  }

  async send(mail: OutgoingMail): Promise<void> {
    await (await this.open()).sendMail({
      from: this.config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId,
      headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }

  close(): void {
    void this.transport?.then((t) => t.close(), () => {});
    this.transport = null;
  }
}
