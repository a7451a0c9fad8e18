import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** One message the test SMTP server accepted, with headers unfolded and the body decoded enough to read. */
export interface ReceivedMail {
  from: string;
  to: string[];
  subject: string;
  headers: Record<string, string>;
  /** Quoted-printable soft breaks and escapes decoded; both parts (text and HTML) are in it. */
  body: string;
  raw: string;
}

function decodeQuotedPrintable(s: string): string {
  return s.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

function parseMail(raw: string, envelope: { from: string; to: string[] }): ReceivedMail {
  const split = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, split).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const i = line.indexOf(':');
    if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
  }
  return { ...envelope, subject: headers.subject ?? '', headers, body: decodeQuotedPrintable(raw.slice(split + 4)), raw };
}

/** A real SMTP server on 127.0.0.1 that keeps what it is sent; it can be stopped and started on the same port. */
export class TestSmtpServer {
  readonly mails: ReceivedMail[] = [];
  port = 0;
  private server: SMTPServer | null = null;

  async start(): Promise<this> {
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, banner: 'test smtp',
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          this.mails.push(parseMail(Buffer.concat(chunks).toString('utf8'), {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
          }));
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string): ReceivedMail[] {
    return this.mails.filter((m) => m.to.includes(address.toLowerCase()) || m.to.includes(address));
  }
}

/** One webhook call the receiver got, and whether its signature checked out. */
export interface ReceivedWebhook {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  json: Record<string, any>;
  verified: boolean;
  timestamp: number;
}

/** Checks `t=<unix>,v1=<hex>` against HMAC-SHA256(secret, "<t>.<body>"), as a receiver should. */
export function verifySignature(secret: string, header: string | undefined, body: string, toleranceSeconds = 300): { ok: boolean; t: number } {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.split('=') as [string, string]));
  const t = Number(parts.t);
  if (!Number.isFinite(t) || !parts.v1) return { ok: false, t };
  const expected = Buffer.from(createHmac('sha256', secret).update(`${t}.${body}`).digest('hex'));
  const given = Buffer.from(parts.v1);
  const fresh = Math.abs(Date.now() / 1000 - t) <= toleranceSeconds;
  return { ok: fresh && expected.length === given.length && timingSafeEqual(expected, given), t };
}

/** An HTTP receiver that verifies signatures; `status` sets what it answers; it can be stopped and restarted on its port. */
export class TestWebhookReceiver {
  readonly calls: ReceivedWebhook[] = [];
  status = 200;
  port = 0;
  private server: Server | null = null;

  constructor(public secret: string) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}/hooks`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const { ok, t } = verifySignature(this.secret, req.headers['x-nanopore-signature'] as string | undefined, body);
        let json: Record<string, any> = {};
        try { json = JSON.parse(body) as Record<string, any>; } catch { /* recorded as is */ }
        this.calls.push({ headers: req.headers, body, json, verified: ok, timestamp: t });
        res.statusCode = this.status;
        res.end();
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', () => resolve());
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  ofType(type: string): ReceivedWebhook[] {
    return this.calls.filter((c) => c.json.type === type);
  }
}
