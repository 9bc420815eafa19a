import { z } from 'zod';
import { Id, IsoTimestamp } from './common';
import { CASE_STATUSES, CASE_TYPES, Case } from './records/cases';
import { DateOnly, requiredText, text } from './records/common';

// ---------------------------------------------------------------------------------------------
// Settings an administrator sets for the service desk
// ---------------------------------------------------------------------------------------------

/** HH:mm on a 24-hour clock; 24:00 ends a day that runs to midnight. */
const ClockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'Use HH:mm (24-hour)');

/** One working day's hours in the office time zone; `end` after `start`. */
export const WorkingHours = z
  .object({ start: ClockTime, end: ClockTime })
  .refine((h) => h.end > h.start, { message: 'The day must end after it starts', path: ['end'] });

/** The office calendar the SLA clock runs on: hours per weekday (0 = Sunday; null = closed) and holidays. */
export const OfficeCalendar = z
  .object({
    week: z.array(WorkingHours.nullable()).length(7),
    holidays: z.array(DateOnly).max(1000),
  })
  .refine((c) => c.week.some((day) => day !== null), { message: 'At least one working day is needed', path: ['week'] });
export type OfficeCalendar = z.infer<typeof OfficeCalendar>;

/** Targets in business minutes; null = no target for that priority. */
export const SlaTarget = z.object({
  firstResponseMinutes: z.number().int().min(1).max(525_600).nullable(),
  resolutionMinutes: z.number().int().min(1).max(525_600).nullable(),
});
export type SlaTarget = z.infer<typeof SlaTarget>;

export const ServiceSettings = z.object({
  sla: z.object({ low: SlaTarget, normal: SlaTarget, high: SlaTarget, urgent: SlaTarget }),
  /** A case due within this many business minutes is "about to breach". */
  warnBeforeMinutes: z.number().int().min(0).max(10_080),
  calendar: OfficeCalendar,
  /** What to do with mail from an address no contact has: make a contact, make a lead, or neither. */
  unknownSender: z.enum(['contact', 'lead', 'none']),
  /** The type a case captured from email gets. */
  emailCaseType: z.enum(CASE_TYPES),
  /** Owns captured cases that nobody is assigned to yet; null = the first administrator. */
  intakeOwnerId: Id.nullable(),
  roundRobin: z.object({
    /** Assign each new captured case to the next of `userIds`. */
    enabled: z.boolean(),
    userIds: z.array(Id).max(200),
  }),
  duplicates: z.object({
    /** Only open cases created within this many days are compared. */
    windowDays: z.number().int().min(1).max(365),
    /** Similarity (0-1) from which a case is offered as a possible duplicate. */
    minScore: z.number().min(0.05).max(1),
  }),
  atRisk: z.object({
    openComplaintsAtLeast: z.number().int().min(1).max(1000),
    satisfactionBelow: z.number().min(1).max(5),
    casesIn90DaysAtLeast: z.number().int().min(1).max(10_000),
    noContactDays: z.number().int().min(1).max(3650),
    /** How many of the signals above make an account "at risk". */
    minSignals: z.number().int().min(1).max(4),
  }),
  /** A folder watched for .eml files (captured, then moved to processed/ or failed/); null = none. */
  inboxFolder: z.string().max(1000).nullable(),
  /** Largest attachment kept, in megabytes; bigger ones are listed on the thread but not stored. */
  maxAttachmentMb: z.number().int().min(1).max(100),
});
export type ServiceSettings = z.infer<typeof ServiceSettings>;

const hours = { start: '09:00', end: '17:00' };

export const DEFAULT_SERVICE_SETTINGS: ServiceSettings = {
  sla: {
    low: { firstResponseMinutes: 16 * 60, resolutionMinutes: 80 * 60 },
    normal: { firstResponseMinutes: 8 * 60, resolutionMinutes: 40 * 60 },
    high: { firstResponseMinutes: 4 * 60, resolutionMinutes: 16 * 60 },
    urgent: { firstResponseMinutes: 60, resolutionMinutes: 8 * 60 },
  },
  warnBeforeMinutes: 60,
  calendar: { week: [null, hours, hours, hours, hours, hours, null], holidays: [] },
  unknownSender: 'contact',
  emailCaseType: 'question',
  intakeOwnerId: null,
  roundRobin: { enabled: false, userIds: [] },
  duplicates: { windowDays: 14, minScore: 0.3 },
  atRisk: { openComplaintsAtLeast: 2, satisfactionBelow: 3, casesIn90DaysAtLeast: 5, noContactDays: 60, minSignals: 1 },
  inboxFolder: null,
  maxAttachmentMb: 25,
};

// ---------------------------------------------------------------------------------------------
// Cases: queues, assignment, thread, duplicates
// ---------------------------------------------------------------------------------------------

export const QueueInput = z
  .object({
    name: z.enum(['mine', 'unassigned', 'overdue', 'team']),
    limit: z.number().int().min(1).max(500).default(50),
    cursor: z.string().max(2000).nullish(),
  })
  .strict();

export const AssignInput = z
  .object({
    id: Id,
    /** A user, or null to put the case back in the unassigned queue. */
    assigneeId: Id.nullable().optional(),
    /** Give it to the next user of the round-robin set instead. */
    roundRobin: z.boolean().optional(),
  })
  .strict()
  .refine((input) => (input.assigneeId !== undefined) !== (input.roundRobin === true), {
    message: 'Give either assigneeId or roundRobin: true',
    path: ['assigneeId'],
  });

export const ReopenInput = z.object({ id: Id, reason: text(2000).optional() }).strict();

export const DuplicateCandidate = z.object({
  id: Id,
  number: z.string(),
  subject: z.string(),
  status: z.enum(CASE_STATUSES),
  createdAt: IsoTimestamp,
  contactId: Id.nullable(),
  accountId: Id.nullable(),
  /** Text similarity 0-1 (character bigrams: works for Chinese as for English). */
  score: z.number(),
});
export type DuplicateCandidate = z.infer<typeof DuplicateCandidate>;

export const MarkDuplicateInput = z.object({ id: Id, duplicateOfId: Id }).strict();

export const AttachmentMeta = z.object({
  id: Id,
  caseId: Id,
  messageId: Id.nullable(),
  filename: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: IsoTimestamp,
  /** False when it was over the size limit: listed, not kept. */
  stored: z.boolean(),
});

export const MailAddress = z.object({ address: z.string(), name: z.string().nullable() });

export const ThreadItem = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('email'),
    id: Id,
    at: IsoTimestamp,
    direction: z.enum(['in', 'out']),
    messageId: z.string(),
    from: MailAddress.nullable(),
    to: z.array(MailAddress),
    cc: z.array(MailAddress),
    subject: z.string(),
    text: z.string().nullable(),
    /** Sanitised at capture (no scripts, handlers, javascript: links); still show it in a sandboxed frame. */
    html: z.string().nullable(),
    userId: Id.nullable(),
    attachments: z.array(AttachmentMeta),
  }),
  z.object({
    kind: z.literal('comment'),
    id: Id,
    at: IsoTimestamp,
    body: z.string(),
    visibility: z.enum(['internal', 'customer']),
    authorId: Id.nullable(),
    authorName: z.string().nullable(),
  }),
  z.object({
    kind: z.literal('activity'),
    id: Id,
    at: IsoTimestamp,
    type: z.string(),
    subject: z.string(),
    body: z.string().nullable(),
    status: z.string(),
    ownerId: Id,
  }),
  z.object({ kind: z.literal('attachment'), id: Id, at: IsoTimestamp, attachment: AttachmentMeta }),
]);
export type ThreadItem = z.infer<typeof ThreadItem>;

export const Thread = z.object({ items: z.array(ThreadItem) });

export const CommentInput = z
  .object({ caseId: Id, body: requiredText(20_000), visibility: z.enum(['internal', 'customer']).default('internal') })
  .strict();

export const AttachInput = z
  .object({
    caseId: Id,
    filename: requiredText(255),
    contentType: z.string().max(200).optional(),
    /** The file's bytes, base64. */
    dataBase64: z.string().max(140_000_000),
  })
  .strict();

export const AttachmentContent = z.object({ attachment: AttachmentMeta, dataBase64: z.string() });

export const CaptureEmailInput = z
  .object({
    /** The whole message as RFC 822 / .eml text. */
    raw: z.string().min(1, 'Required').max(60_000_000),
  })
  .strict();

export const CaptureEmailResult = z.object({
  caseId: Id,
  caseNumber: z.string(),
  /** True when the message opened a new case; false when it threaded onto one (or was already captured). */
  created: z.boolean(),
  /** True when this Message-ID had been captured before: nothing new was stored. */
  alreadyCaptured: z.boolean(),
  /** How it found its case: the [CASE-…] subject token, In-Reply-To/References, or none (new case). */
  threadedBy: z.enum(['token', 'headers']).nullable(),
  contactId: Id.nullable(),
  leadId: Id.nullable(),
  duplicateCandidates: z.array(DuplicateCandidate),
});
export type CaptureEmailResult = z.infer<typeof CaptureEmailResult>;

export const CaptureEmailsInput = z
  .object({
    /** Up to 500 messages, each RFC 822 text: captured in one transaction, each on its own (a bad one does not stop the rest). */
    raws: z.array(z.string().min(1, 'Required').max(60_000_000)).min(1).max(500),
  })
  .strict();

export const CaptureEmailsResult = z.object({
  /** One entry per message, in order: its result, or why it was refused. */
  items: z.array(
    z.object({
      result: CaptureEmailResult.nullable(),
      error: z.object({ code: z.string(), message: z.string() }).nullable(),
    }),
  ),
});

/** What capturing a message would do, without storing anything (the drop zone shows it first). */
export const EmailPreview = z.object({
  messageId: z.string(),
  from: MailAddress,
  subject: z.string(),
  /** Already captured: the case it is on. */
  alreadyCapturedCaseId: Id.nullable(),
  /** The case it would thread onto, and how it was found. */
  threadCaseId: Id.nullable(),
  threadedBy: z.enum(['token', 'headers']).nullable(),
  /** The contact its sender matches (null: a new contact or lead would be made, as the admin set). */
  contactId: Id.nullable(),
  accountId: Id.nullable(),
  duplicateCandidates: z.array(DuplicateCandidate),
});

export const ReplyInput = z
  .object({
    caseId: Id,
    /** Plain text; taken from the template when omitted. */
    body: text(100_000).optional(),
    cc: z.array(z.string().max(254)).max(20).optional(),
    /** Another address than the case's customer. */
    to: z.string().max(254).optional(),
    templateId: Id.optional(),
    /** Existing attachments of the case to send along. */
    attachmentIds: z.array(Id).max(20).optional(),
    /** Set the case to this status with the reply (e.g. wait for the customer). */
    status: z.enum(['open', 'pending_customer', 'resolved']).optional(),
  })
  .strict();

export const ReplyResult = z.object({ case: Case, messageId: z.string(), activityId: Id });

export const Template = z.object({
  id: Id,
  name: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  version: z.number().int(),
});
export const TemplateCreate = z.object({ name: requiredText(120), subject: text(300).nullish(), body: requiredText(50_000) }).strict();
export const TemplateUpdate = z
  .object({
    id: Id,
    version: z.number().int().min(1),
    patch: z.object({ name: requiredText(120).optional(), subject: text(300).nullish(), body: requiredText(50_000).optional() }).strict(),
  })
  .strict();

export const EscalationsInput = z.object({ limit: z.number().int().min(1).max(500).default(100) }).strict();
export const Escalation = z.object({
  case: Case,
  /** Which target: the first response or the resolution. */
  target: z.enum(['firstResponse', 'resolution']),
  dueAt: IsoTimestamp,
  breached: z.boolean(),
  /** Business minutes left (negative once breached). */
  minutesLeft: z.number(),
});

// ---------------------------------------------------------------------------------------------
// Mail servers: IMAP mailboxes in, SMTP out
// ---------------------------------------------------------------------------------------------

const Host = z.string().trim().min(1, 'Required').max(253);
const Port = z.number().int().min(1).max(65_535);

const mailboxFields = {
  name: requiredText(120),
  host: Host,
  port: Port,
  /** Implicit TLS (IMAPS, usually port 993); false = plain connection upgraded with STARTTLS when offered. */
  tls: z.boolean(),
  /** Check the server's certificate (turn off only for an office server with its own self-signed one). */
  tlsVerify: z.boolean().default(true),
  username: z.string().min(1, 'Required').max(254),
  /** Never returned: stored encrypted (AES-256-GCM) with a key kept in the data folder. */
  password: z.string().min(1, 'Required').max(1000),
  folder: z.string().trim().min(1).max(200).default('INBOX'),
  enabled: z.boolean().default(true),
  pollSeconds: z.number().int().min(10).max(86_400).default(60),
};
export const MailboxCreate = z.object(mailboxFields).strict();
export const MailboxUpdate = z
  .object({
    id: Id,
    version: z.number().int().min(1),
    patch: z
      .object({
        name: requiredText(120).optional(),
        host: Host.optional(),
        port: Port.optional(),
        tls: z.boolean().optional(),
        tlsVerify: z.boolean().optional(),
        username: z.string().min(1).max(254).optional(),
        password: z.string().min(1).max(1000).optional(),
        folder: z.string().trim().min(1).max(200).optional(),
        enabled: z.boolean().optional(),
        pollSeconds: z.number().int().min(10).max(86_400).optional(),
      })
      .strict(),
  })
  .strict();

export const Mailbox = z.object({
  id: Id,
  name: z.string(),
  host: z.string(),
  port: z.number().int(),
  tls: z.boolean(),
  tlsVerify: z.boolean(),
  username: z.string(),
  hasPassword: z.boolean(),
  folder: z.string(),
  enabled: z.boolean(),
  pollSeconds: z.number().int(),
  status: z.object({
    polling: z.boolean(),
    lastPollAt: IsoTimestamp.nullable(),
    lastSuccessAt: IsoTimestamp.nullable(),
    lastError: z.string().nullable(),
    lastErrorAt: IsoTimestamp.nullable(),
    messagesCaptured: z.number().int(),
    messagesFailed: z.number().int(),
    uidValidity: z.string().nullable(),
    lastUid: z.number().int(),
  }),
  createdAt: IsoTimestamp,
  updatedAt: IsoTimestamp,
  version: z.number().int(),
});
export type Mailbox = z.infer<typeof Mailbox>;

export const PollResult = z.object({ mailbox: Mailbox, captured: z.number().int(), failed: z.number().int(), skipped: z.number().int() });

export const FolderScanResult = z.object({
  folder: z.string().nullable(),
  captured: z.number().int(),
  alreadyCaptured: z.number().int(),
  failed: z.array(z.object({ file: z.string(), message: z.string() })),
});

export const SmtpSettingsInput = z
  .object({
    host: Host,
    port: Port,
    /** Implicit TLS (port 465); false = STARTTLS when the server offers it. */
    secure: z.boolean(),
    tlsVerify: z.boolean().default(true),
    username: z.string().max(254).nullable().default(null),
    /** Omit to keep the stored one; null to remove it. Never returned. */
    password: z.string().max(1000).nullable().optional(),
    fromAddress: z.string().max(254),
    fromName: z.string().max(120).nullable().default(null),
  })
  .strict();
export const SmtpSettings = z.object({
  configured: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  secure: z.boolean(),
  tlsVerify: z.boolean(),
  username: z.string().nullable(),
  hasPassword: z.boolean(),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
});
export type SmtpSettings = z.infer<typeof SmtpSettings>;
export const SmtpTestInput = z.object({ to: z.string().max(254) }).strict();

// ---------------------------------------------------------------------------------------------
// Retention signals
// ---------------------------------------------------------------------------------------------

export const RetentionSignals = z.object({
  accountId: Id,
  accountName: z.string(),
  openComplaints: z.number().int(),
  /** Average of the satisfaction scores given on this account's cases; null when none was given. */
  averageSatisfaction: z.number().nullable(),
  satisfactionResponses: z.number().int(),
  casesLast90Days: z.number().int(),
  lastContactAt: IsoTimestamp.nullable(),
  daysSinceLastContact: z.number().int().nullable(),
  atRisk: z.boolean(),
  /** Which admin rules this account meets. */
  reasons: z.array(z.enum(['openComplaints', 'lowSatisfaction', 'manyCases', 'noContact'])),
});
export type RetentionSignals = z.infer<typeof RetentionSignals>;

export const AtRiskInput = z.object({ limit: z.number().int().min(1).max(200).default(20) }).strict();
export const AtRiskList = z.object({ items: z.array(RetentionSignals) });
