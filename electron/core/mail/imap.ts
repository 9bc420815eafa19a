import { ImapFlow } from 'imapflow';

export interface ImapConfig {
  host: string;
  port: number;
  /** Implicit TLS; otherwise STARTTLS when the server offers it. */
  tls: boolean;
  tlsVerify: boolean;
  username: string;
  password: string;
  folder: string;
}

/** Where the last poll stopped: a message is new when its UID is above lastUid under the same UIDVALIDITY. */
export interface ImapPosition {
  uidValidity: string | null;
  lastUid: number;
}

/** Messages fetched per round trip: bounds memory when a mailbox has thousands waiting. */
const CHUNK = 50;

export interface FetchedMessage {
  uid: number;
  uidValidity: string;
  source: Buffer;
}

/**
 * Fetches the messages that arrived since `position`, oldest first, a chunk at a time, and hands
 * each chunk to `onChunk` before fetching the next (it stores the messages with their UIDs in one
 * transaction). A changed UIDVALIDITY means the
 * server renumbered the folder: everything is fetched again and the Message-ID index skips what was
 * captured before. Never marks, moves or deletes anything on the server.
 */
export async function pollImap(
  config: ImapConfig,
  position: ImapPosition,
  onChunk: (messages: FetchedMessage[]) => Promise<void>,
): Promise<{ uidValidity: string; fetched: number }> {
  const client = new ImapFlow({
    host: config.host,
    port: config.port,
    secure: config.tls,
    auth: { user: config.username, pass: config.password },
    tls: { rejectUnauthorized: config.tlsVerify },
    logger: false,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    socketTimeout: 60_000,
  });
  // Without a listener a dropped connection's 'error' event would crash the process.
  client.on('error', () => undefined);
  await client.connect();
  try {
    const lock = await client.getMailboxLock(config.folder, { readOnly: true });
    try {
      const mailbox = client.mailbox;
      if (!mailbox) throw new Error(`The folder ${config.folder} could not be opened.`);
      const uidValidity = String(mailbox.uidValidity);
      const after = uidValidity === position.uidValidity ? position.lastUid : 0;
      // "n:*" also matches the highest UID when it is below n (RFC 3501): filter.
      const found = (await client.search({ uid: `${after + 1}:*` }, { uid: true })) || [];
      const uids = found.filter((uid) => uid > after).sort((a, b) => a - b);
      for (let i = 0; i < uids.length; i += CHUNK) {
        const chunk = uids.slice(i, i + CHUNK);
        const messages = await client.fetchAll(chunk.join(','), { uid: true, source: true }, { uid: true });
        messages.sort((a, b) => a.uid - b.uid);
        const fetched = messages.filter((m) => m.source).map((m) => ({ uid: m.uid, uidValidity, source: m.source! }));
        if (fetched.length > 0) await onChunk(fetched);
      }
      return { uidValidity, fetched: uids.length };
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}
