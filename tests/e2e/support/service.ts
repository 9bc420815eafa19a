import type { Page } from '@playwright/test';
import { createServer, type AddressInfo } from 'node:net';

/** The header lines every test message carries. */
function headers(message: { from: string; subject: string; messageId: string }, contentType: string): string[] {
  return [
    `From: ${message.from}`,
    'To: support@office.example',
    `Subject: ${message.subject}`,
    'Date: Thu, 26 Nov 2026 09:30:00 +0000',
    `Message-ID: <${message.messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: ${contentType}`,
  ];
}

/** An RFC 822 message as an .eml file would hold it (CRLF line ends, one text or HTML part). */
export function eml(message: { from: string; subject: string; messageId: string; text?: string; html?: string }): string {
  return `${headers(message, `${message.html ? 'text/html' : 'text/plain'}; charset=utf-8`).join('\r\n')}\r\n\r\n${(message.html ?? message.text ?? '').replace(/\n/g, '\r\n')}\r\n`;
}

/** Picks .eml files in the cases list's "Import email" zone (what a drop does), then imports them. */
export async function importEmails(page: Page, files: { name: string; raw: string }[]) {
  await page.getByTestId('email-file-input').setInputFiles(files.map((file) => ({ name: file.name, mimeType: 'message/rfc822', buffer: Buffer.from(file.raw) })));
  const dialog = page.getByRole('dialog', { name: 'What will happen' });
  await dialog.getByRole('button', { name: /^Import \d+ message/ }).waitFor();
  return dialog;
}

/** A message with a text part and one attached file, as a mail client sends it. */
export function emlWithAttachment(message: { from: string; subject: string; messageId: string; text: string; file: { name: string; type: string; content: string } }): string {
  const boundary = `part-${message.messageId.replace(/[^a-z0-9]/gi, '')}`;
  return [
    ...headers(message, `multipart/mixed; boundary="${boundary}"`),
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    '',
    message.text,
    `--${boundary}`,
    `Content-Type: ${message.file.type}; name="${message.file.name}"`,
    `Content-Disposition: attachment; filename="${message.file.name}"`,
    'Content-Transfer-Encoding: base64',
    '',
    Buffer.from(message.file.content).toString('base64'),
    `--${boundary}--`,
    '',
  ].join('\r\n');
}

/** A loopback port nothing listens on (taken, then released), for a server that refuses connections. */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A date and time as the app shows it (records/format.ts: medium date, short time, in the page's language and zone). */
export function appDateTime(page: Page, iso: string): Promise<string> {
  return page.evaluate(
    (at) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(at)),
    iso,
  );
}
