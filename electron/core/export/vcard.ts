import { personName } from '../search/types';

/** vCard 4.0 (RFC 6350) text values: backslash, comma, semicolon and newlines escaped. */
function escape(value: unknown): string {
  return String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/,/g, '\\,')
    .replace(/;/g, '\\;')
    .replace(/\r?\n/g, '\\n');
}

/** Lines longer than 75 octets are folded (CRLF + space), never inside a UTF-8 character. */
function fold(line: string): string {
  const chunks: string[] = [];
  let current = '';
  let bytes = 0;
  let limit = 75;
  for (const char of line) {
    const size = Buffer.byteLength(char);
    if (bytes + size > limit) {
      chunks.push(current);
      current = '';
      bytes = 0;
      limit = 74; // continuation lines start with a space, which counts
    }
    current += char;
    bytes += size;
  }
  chunks.push(current);
  return `${chunks.join('\r\n ')}\r\n`;
}

const stamp = (iso: unknown) => (typeof iso === 'string' ? iso.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z') : '');

/** One contact as a vCard 4.0 entry; `accountName` becomes ORG. */
export function contactVcard(contact: Record<string, unknown>, accountName: string | null): string {
  const lines = [
    'BEGIN:VCARD',
    'VERSION:4.0',
    `UID:urn:uuid:${contact.id}`,
    `FN:${escape(personName(contact.firstName, contact.lastName))}`,
    `N:${escape(contact.lastName)};${escape(contact.firstName)};;;`,
  ];
  if (accountName) lines.push(`ORG:${escape(accountName)}`);
  if (contact.title) lines.push(`TITLE:${escape(contact.title)}`);
  if (contact.email) lines.push(`EMAIL;TYPE=work:${escape(contact.email)}`);
  if (contact.phone) lines.push(`TEL;VALUE=uri;TYPE="work,voice":tel:${contact.phone}`);
  if (contact.mobile) lines.push(`TEL;VALUE=uri;TYPE="cell,voice":tel:${contact.mobile}`);
  if (contact.address || contact.city || contact.country) {
    lines.push(`ADR;TYPE=work:;;${escape(contact.address)};${escape(contact.city)};;;${escape(contact.country)}`);
  }
  if (contact.notes) lines.push(`NOTE:${escape(contact.notes)}`);
  if (contact.updatedAt) lines.push(`REV:${stamp(contact.updatedAt)}`);
  lines.push('END:VCARD');
  return lines.map(fold).join('');
}
