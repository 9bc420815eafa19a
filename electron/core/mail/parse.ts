import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject } from 'mailparser';
import { AppError } from '../../../shared/errors';
import { sanitizeEmailHtml } from './sanitize';

export interface Address {
  address: string;
  name: string | null;
}

export interface ParsedAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

/** A parsed message as the service desk needs it: nothing of mailparser's types leaks further. */
export interface ParsedEmail {
  /** Without angle brackets; a stable one made from the content when the message has none. */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  from: Address;
  to: Address[];
  cc: Address[];
  subject: string;
  text: string | null;
  /** Sanitised: safe to show, never to be trusted further than that. */
  html: string | null;
  date: string | null;
  attachments: ParsedAttachment[];
}

/** Message-IDs are compared without their angle brackets and surrounding space. */
export function normalizeMessageId(id: string): string {
  return id.trim().replace(/^<+/, '').replace(/>+$/, '').trim();
}

function idsOf(value: string | string[] | undefined): string[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/);
  return list.map(normalizeMessageId).filter((id) => id.length > 0 && id.length <= 998);
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): Address[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  return objects
    .flatMap((object) => object.value)
    .flatMap((entry) => (entry.group ? entry.group : [entry]))
    .filter((entry) => entry.address)
    .map((entry) => ({ address: entry.address!.trim().toLowerCase(), name: entry.name?.trim() || null }));
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function malformed(message: string): AppError {
  return new AppError('VALIDATION', `This is not an email message we can read: ${message}`, [{ path: 'raw', message }]);
}

/**
 * Parses RFC 822 text with mailparser. A message without headers or without a usable sender is
 * refused with VALIDATION before anything is stored.
 */
export async function parseEmail(raw: string | Buffer): Promise<ParsedEmail> {
  const source = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  let mail;
  try {
    mail = await simpleParser(source, { skipImageLinks: true, skipTextLinks: true, skipTextToHtml: true });
  } catch (error) {
    throw malformed(error instanceof Error ? error.message : String(error));
  }
  if (mail.headers.size === 0) throw malformed('it has no headers.');
  const from = addressesOf(mail.from)[0];
  if (!from || !EMAIL.test(from.address)) throw malformed('it has no sender address (From header).');

  const messageId = mail.messageId ? normalizeMessageId(mail.messageId) : '';
  return {
    // Without a Message-ID the content decides: the same file captured twice is still stored once.
    messageId: messageId || `${createHash('sha256').update(source).digest('hex').slice(0, 40)}@lantern.generated`,
    inReplyTo: mail.inReplyTo ? (idsOf(mail.inReplyTo)[0] ?? null) : null,
    references: idsOf(mail.references),
    from,
    to: addressesOf(mail.to),
    cc: addressesOf(mail.cc),
    subject: (mail.subject ?? '').trim(),
    text: mail.text?.trim() || null,
    html: typeof mail.html === 'string' && mail.html.trim() ? sanitizeEmailHtml(mail.html) : null,
    date: mail.date && !Number.isNaN(mail.date.getTime()) ? mail.date.toISOString() : null,
    attachments: mail.attachments.map((attachment, index) => ({
      filename: attachment.filename?.trim() || `attachment-${index + 1}`,
      contentType: attachment.contentType || 'application/octet-stream',
      content: attachment.content,
    })),
  };
}
