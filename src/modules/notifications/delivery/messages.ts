import type { Bilingual } from '../../../platform/errors.js';
import { NOTIFICATION_KIND_LABELS, type NotificationKind } from '../../../contracts/enums/notifications.js';

function fullLink(link: string | null, publicUrl: string): string | null {
  if (!link) return null;
  return publicUrl ? publicUrl.replace(/\/+$/, '') + link : link;
}

/** The plain-text e-mail of a notice: Chinese first, then English, then the link. */
export function emailBody(title: Bilingual, link: string | null, publicUrl: string, kind: NotificationKind): string {
  const url = fullLink(link, publicUrl);
  const label = NOTIFICATION_KIND_LABELS[kind];
  return [
    `【${label.zh}】${title.zh}`,
    `[${label.en}] ${title.en}`,
    ...(url ? ['', `办理 / Open: ${url}`] : []),
    '',
    '—— 上海市水务局 帮办平台（此邮件由系统自动发送，请勿回复）',
  ].join('\n');
}

/** A WeCom (企业微信 / 政务微信) group robot's text message: `{ msgtype: 'text', text: { content } }`. */
export function webhookBody(title: Bilingual, link: string | null, publicUrl: string) {
  const url = fullLink(link, publicUrl);
  return { msgtype: 'text', text: { content: `【帮办】${title.zh}${url ? `\n${url}` : ''}` } };
}
