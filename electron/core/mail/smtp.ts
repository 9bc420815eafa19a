import nodemailer from 'nodemailer';

export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS; otherwise STARTTLS is used when the server offers it. */
  secure: boolean;
  tlsVerify: boolean;
  username: string | null;
  password: string | null;
  fromAddress: string;
  fromName: string | null;
}

export interface OutgoingMail {
  to: string;
  cc: string[];
  subject: string;
  text: string;
  /** With angle brackets' content only: "0192...@example.com". */
  messageId: string;
  inReplyTo: string | null;
  references: string[];
  attachments: { filename: string; path: string; contentType: string }[];
}

const bracket = (id: string) => `<${id}>`;

/** Sends one message through the office's SMTP server (nodemailer); throws with the server's answer on refusal. */
export async function sendMail(config: SmtpConfig, mail: OutgoingMail): Promise<{ accepted: string[]; response: string }> {
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.secure,
    auth: config.username ? { user: config.username, pass: config.password ?? '' } : undefined,
    tls: { rejectUnauthorized: config.tlsVerify },
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
  try {
    const info = await transport.sendMail({
      from: config.fromName ? { name: config.fromName, address: config.fromAddress } : config.fromAddress,
      to: mail.to,
      cc: mail.cc.length > 0 ? mail.cc : undefined,
      subject: mail.subject,
      text: mail.text,
      messageId: bracket(mail.messageId),
      inReplyTo: mail.inReplyTo ? bracket(mail.inReplyTo) : undefined,
      references: mail.references.length > 0 ? mail.references.map(bracket) : undefined,
      attachments: mail.attachments,
    });
    return { accepted: (info.accepted as (string | { address: string })[]).map((a) => (typeof a === 'string' ? a : a.address)), response: info.response };
  } finally {
    transport.close();
  }
}
