import { z } from 'zod';
import { AppError } from '../../../../shared/errors';
import type { SmtpSettings, SmtpSettingsInput } from '../../../../shared/schemas/service';
import type { Call } from '../../handler';
import { dataDirOf, decryptSecret, encryptSecret } from '../../mail/secrets';
import type { SmtpConfig } from '../../mail/smtp';
import { readInternal, writeInternal } from './settings';

const KEY = 'smtp';
const PURPOSE = 'smtp.password';

interface StoredSmtp {
  host: string;
  port: number;
  secure: boolean;
  tlsVerify: boolean;
  username: string | null;
  passwordEnc: string | null;
  fromAddress: string;
  fromName: string | null;
}

const EMAIL = z.email();

export function readSmtpSettings(call: Call): SmtpSettings {
  const stored = readInternal<StoredSmtp>(call.db, KEY);
  return {
    configured: stored !== undefined,
    host: stored?.host ?? null,
    port: stored?.port ?? null,
    secure: stored?.secure ?? false,
    tlsVerify: stored?.tlsVerify ?? true,
    username: stored?.username ?? null,
    hasPassword: !!stored?.passwordEnc,
    fromAddress: stored?.fromAddress ?? null,
    fromName: stored?.fromName ?? null,
  };
}

/** In the caller's write. The password is encrypted before it reaches the database; omitted keeps the old one. */
export function writeSmtpSettings(call: Call, input: z.output<typeof SmtpSettingsInput>): SmtpSettings {
  if (!EMAIL.safeParse(input.fromAddress).success) {
    throw new AppError('VALIDATION', 'The sender address is not an email address.', [{ path: 'fromAddress', message: 'Not an email address' }]);
  }
  const previous = readInternal<StoredSmtp>(call.db, KEY);
  const passwordEnc =
    input.password === undefined
      ? (previous?.passwordEnc ?? null)
      : input.password === null || input.password === ''
        ? null
        : encryptSecret(dataDirOf(call.db), input.password, PURPOSE);
  const stored: StoredSmtp = {
    host: input.host,
    port: input.port,
    secure: input.secure,
    tlsVerify: input.tlsVerify,
    username: input.username || null,
    passwordEnc,
    fromAddress: input.fromAddress,
    fromName: input.fromName || null,
  };
  writeInternal(call.db, KEY, stored, call.now.toISOString());
  return readSmtpSettings(call);
}

/** What sending needs, password decrypted; VALIDATION when the admin has not set a server yet. */
export function smtpConfig(call: Call): SmtpConfig {
  const stored = readInternal<StoredSmtp>(call.db, KEY);
  if (!stored) {
    throw new AppError('VALIDATION', 'No outgoing mail server is set up. An administrator can set one in Settings > Email.', [
      { path: 'smtp', message: 'Not configured' },
    ]);
  }
  let password: string | null = null;
  if (stored.passwordEnc) {
    try {
      password = decryptSecret(dataDirOf(call.db), stored.passwordEnc, PURPOSE);
    } catch {
      throw new AppError('VALIDATION', 'The stored SMTP password cannot be read (the key file of the data folder changed). Enter it again.', [
        { path: 'smtp.password', message: 'Enter it again' },
      ]);
    }
  }
  return { ...stored, password };
}
