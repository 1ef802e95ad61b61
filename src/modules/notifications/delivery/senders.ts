import nodemailer, { type Transporter } from 'nodemailer';

/** Sends one message of the outbox; throws (with a short reason) when it was not accepted. */
export interface Senders {
  email(msg: { id: string; to: string; subject: string; text: string }): Promise<void>;
  webhook(msg: { url: string; body: string }): Promise<void>;
}

/** How long a webhook may take before it counts as failed (and is retried). */
export const WEBHOOK_TIMEOUT_MS = 5_000;

/**
 * E-mail over SMTP (nodemailer, `SMTP_URL`) and webhooks as a JSON POST. The e-mail carries a
 * Message-ID made from the outbox row, so a mail server can recognise a resend after a crash.
 */
export function createSenders(opts: { smtpUrl?: string; smtpFrom: string; webhookTimeoutMs?: number }): Senders {
  let transport: Transporter | null = null;
  return {
    async email(msg) {
      if (!opts.smtpUrl) throw new Error('SMTP is not configured (SMTP_URL)');
      transport ??= nodemailer.createTransport(opts.smtpUrl);
      await transport.sendMail({
        from: opts.smtpFrom,
        to: msg.to,
        subject: msg.subject,
        text: msg.text,
        messageId: `<${msg.id}@bangban.notifications>`,
      });
    },
    async webhook(msg) {
      const res = await fetch(msg.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: msg.body,
        redirect: 'error',
        signal: AbortSignal.timeout(opts.webhookTimeoutMs ?? WEBHOOK_TIMEOUT_MS),
      });
      const text = await res.text().catch(() => '');
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      // a WeCom robot answers 200 with { errcode, errmsg }; errcode 0 is success
      if (text.startsWith('{')) {
        let answer: { errcode?: unknown; errmsg?: unknown } = {};
        try {
          answer = JSON.parse(text) as typeof answer;
        } catch {
          /* not JSON after all: the status said yes */
        }
        if (typeof answer.errcode === 'number' && answer.errcode !== 0)
          throw new Error(`errcode ${answer.errcode}: ${String(answer.errmsg ?? '')}`.slice(0, 200));
      }
    },
  };
}
