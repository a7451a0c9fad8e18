import nodemailer, { type Transporter } from 'nodemailer';
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

/** Sends notification e-mail over SMTP with nodemailer; one transport per process. */
export class Mailer {
  private readonly transport: Transporter;

  constructor(private readonly config: NotifyConfig & { smtp: NonNullable<NotifyConfig['smtp']> }) {
    const { smtp } = config;
    this.transport = nodemailer.createTransport({
      host: smtp.host, port: smtp.port, secure: smtp.secure,
      // Reused connections: a burst is not one TCP + SMTP handshake per message.
      pool: true, maxConnections: config.worker.concurrency, maxMessages: 1000,
      auth: smtp.user ? { user: smtp.user, pass: smtp.pass ?? '' } : undefined,
      connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000,
    });
  }

  async send(mail: OutgoingMail): Promise<void> {
    await this.transport.sendMail({
      from: this.config.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId,
      headers: { 'List-Unsubscribe': `<${mail.unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  }

  close(): void {
    this.transport.close();
  }
}
