import iconv from 'iconv-lite';
import type { Prng } from '../generate/prng';

/**
 * The mail a service desk receives, for the capture cases of service.ts: complaints from known
 * contacts (English and Chinese, some in GB2312/GBK as older Chinese mail clients send), replies
 * that carry their case token or only In-Reply-To/References, new senders, HTML bodies and
 * attachments.
 */

export const TOPICS = [
  ['Printer keeps jamming', 'The office printer jams on every second page since the last update.'],
  ['Invoice charged twice', 'Our invoice for last month was charged twice to the company card.'],
  ['Cannot log in to the portal', 'The password reset link in your email does not work for our team.'],
  ['Delivery is late', 'The shipment we ordered three weeks ago has still not arrived at our warehouse.'],
  ['Wrong item delivered', 'We received the blue model instead of the grey one we ordered.'],
  ['Refund not received', 'You promised a refund for the returned goods but nothing has arrived yet.'],
  ['App crashes on start', 'The mobile app closes right after the splash screen on every phone we have.'],
  ['打印机一直卡纸', '从周一开始办公室的打印机每隔一页就卡纸，请尽快派人来看看。'],
  ['发票金额错误', '上个月的发票重复收费了，请核对后退款。'],
  ['送货延迟', '三周前订购的货物到现在还没有送到仓库。'],
] as const;
const ENGLISH = TOPICS.filter(([subject]) => /^[A-Za-z]/.test(subject));
const CHINESE = TOPICS.filter(([subject]) => !/^[A-Za-z]/.test(subject));

const REWORDED: Record<string, string> = {
  'Printer keeps jamming': 'Paper jam again on the printer',
  'Invoice charged twice': 'Double charge on our bill',
  '打印机一直卡纸': '打印机又卡纸了',
};

export interface Sender {
  email: string;
  name: string;
}

const b64 = (bytes: Buffer) => bytes.toString('base64').replace(/.{76}/g, '$&\r\n');
const utf8Word = (text: string) => `=?UTF-8?B?${Buffer.from(text, 'utf8').toString('base64')}?=`;
const gbkWord = (text: string) => `=?GB2312?B?${iconv.encode(text, 'gbk').toString('base64')}?=`;

/** A complaint from a known contact in English, the bench's original message: plain text, encoded name and subject. */
export function complaint(sender: Sender, messageId: string, random: Prng): string {
  const [topic, text] = TOPICS[random.int(0, TOPICS.length - 1)]!;
  return plain(sender, utf8Word(REWORDED[topic] ?? topic), messageId, [], `Hello,\n\n${text}\nCould you please look into it again?\n\nBest regards,\n${sender.name}`);
}

function headers(sender: Sender, subject: string, messageId: string, extra: string[]): string[] {
  return [
    `From: ${utf8Word(sender.name)} <${sender.email}>`,
    'To: support@office.example',
    `Subject: ${subject}`,
    `Message-ID: <${messageId}>`,
    'Date: Thu, 26 Nov 2026 08:00:00 +0000',
    'MIME-Version: 1.0',
    ...extra,
  ];
}

function plain(sender: Sender, subject: string, messageId: string, extra: string[], body: string): string {
  return [...headers(sender, subject, messageId, extra), 'Content-Type: text/plain; charset=utf-8', 'Content-Transfer-Encoding: 8bit', '', body, ''].join('\r\n');
}

/** Text and HTML alternatives, optionally with a PDF attached (its bytes unique to the message). */
function rich(sender: Sender, subject: string, messageId: string, text: string, attachment: boolean, random: Prng): string {
  const html = `<html><body><p>Hello,</p><p>${text}</p><p>See <a href="https://portal.example/orders">our orders</a>.</p>` +
    `<img src="https://tracker.example/p.gif"><script>alert(1)</script></body></html>`;
  const alternative = [
    '--alt',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    `Hello,\n\n${text}`,
    '--alt',
    'Content-Type: text/html; charset=utf-8',
    'Content-Transfer-Encoding: quoted-printable',
    '',
    html.replace(/=/g, '=3D'),
    '--alt--',
  ];
  if (!attachment) return [...headers(sender, subject, messageId, ['Content-Type: multipart/alternative; boundary="alt"']), '', ...alternative, ''].join('\r\n');
  const pdf = Buffer.concat([Buffer.from(`%PDF-1.4\n% ${messageId}\n`), Buffer.alloc(12_000 + random.int(0, 8_000), messageId.length % 251)]);
  return [
    ...headers(sender, subject, messageId, ['Content-Type: multipart/mixed; boundary="mix"']),
    '',
    '--mix',
    'Content-Type: multipart/alternative; boundary="alt"',
    '',
    ...alternative,
    '--mix',
    'Content-Type: application/pdf; name="statement.pdf"',
    'Content-Disposition: attachment; filename="statement.pdf"',
    'Content-Transfer-Encoding: base64',
    '',
    b64(pdf),
    '--mix--',
    '',
  ].join('\r\n');
}

/** A Chinese complaint as older clients send it: subject and body in GB2312/GBK. */
function chinese(sender: Sender, messageId: string, random: Prng): string {
  const [subject, text] = CHINESE[random.int(0, CHINESE.length - 1)]!;
  const body = iconv.encode(`您好，\n\n${text}\n\n谢谢，\n${sender.name}`, 'gbk');
  return [
    ...headers(sender, gbkWord(REWORDED[subject] ?? subject), messageId, []),
    'Content-Type: text/plain; charset=GB2312',
    'Content-Transfer-Encoding: base64',
    '',
    b64(body),
    '',
  ].join('\r\n');
}

/** What a reply needs to find its case: its token, or the Message-ID it answers. */
export interface ReplyTarget {
  caseNumber?: string;
  messageId?: string;
}

function reply(sender: Sender, messageId: string, target: ReplyTarget): string {
  const subject = target.caseNumber ? `RE: [${target.caseNumber}] Printer keeps jamming` : 'RE: Printer keeps jamming';
  const extra = target.messageId ? [`In-Reply-To: <${target.messageId}>`, `References: <${target.messageId}>`] : [];
  return plain(sender, subject, messageId, extra, 'Thanks, it happened again this morning.\n\n> The office printer jams on every second page.');
}

export type MailKind = 'known' | 'chinese' | 'html' | 'attachment' | 'token-reply' | 'header-reply' | 'new-sender';

/**
 * The kind of the i-th message of a run: per 20 messages, 8 plain complaints from known senders,
 * 3 Chinese (GBK), 2 HTML, 2 with an attachment (HTML too), 2 replies by token, 1 reply by
 * headers only, 2 from people we do not know yet.
 */
const MIX: MailKind[] = [
  'known', 'chinese', 'token-reply', 'known', 'html', 'new-sender', 'known', 'attachment', 'chinese', 'known',
  'header-reply', 'known', 'html', 'token-reply', 'known', 'chinese', 'new-sender', 'known', 'attachment', 'known',
];

export function mailKind(i: number): MailKind {
  return MIX[i % MIX.length]!;
}

/**
 * The i-th message of a realistic run. `earlier` is a Message-ID captured before in the run (for
 * header-only replies) and `caseNumber` an existing case (for token replies).
 */
export function realisticMail(
  i: number,
  run: string,
  known: Sender,
  random: Prng,
  target: { caseNumber: string; earlierMessageId: string | null },
): string {
  const messageId = `bench-${run}-${i}@bench.example`;
  const [topic, text] = ENGLISH[random.int(0, ENGLISH.length - 1)]!;
  switch (mailKind(i)) {
    case 'chinese':
      return chinese(known, messageId, random);
    case 'html':
      return rich(known, utf8Word(topic), messageId, text, false, random);
    case 'attachment':
      return rich(known, utf8Word(topic), messageId, text, true, random);
    case 'token-reply':
      return reply(known, messageId, { caseNumber: target.caseNumber });
    case 'header-reply':
      return target.earlierMessageId ? reply(known, messageId, { messageId: target.earlierMessageId }) : complaint(known, messageId, random);
    case 'new-sender':
      return complaint({ email: `new.${run}.${i}@newcomer.example`, name: `New Person ${i}` }, messageId, random);
    default:
      return complaint(known, messageId, random);
  }
}
