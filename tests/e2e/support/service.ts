import type { Page } from '@playwright/test';

/** An RFC 822 message as an .eml file would hold it (CRLF line ends, one text or HTML part). */
export function eml(message: { from: string; subject: string; messageId: string; text?: string; html?: string }): string {
  const headers = [
    `From: ${message.from}`,
    'To: support@office.example',
    `Subject: ${message.subject}`,
    'Date: Thu, 26 Nov 2026 09:30:00 +0000',
    `Message-ID: <${message.messageId}>`,
    'MIME-Version: 1.0',
    `Content-Type: ${message.html ? 'text/html' : 'text/plain'}; charset=utf-8`,
  ];
  return `${headers.join('\r\n')}\r\n\r\n${(message.html ?? message.text ?? '').replace(/\n/g, '\r\n')}\r\n`;
}

/** Picks .eml files in the cases list's "Import email" zone (what a drop does), then imports them. */
export async function importEmails(page: Page, files: { name: string; raw: string }[]) {
  await page.getByTestId('email-file-input').setInputFiles(files.map((file) => ({ name: file.name, mimeType: 'message/rfc822', buffer: Buffer.from(file.raw) })));
  const dialog = page.getByRole('dialog', { name: 'What will happen' });
  await dialog.getByRole('button', { name: /^Import \d+ message/ }).waitFor();
  return dialog;
}
