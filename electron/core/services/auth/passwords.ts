import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** Algorithm.Argon2id: the package declares it as a const enum, which isolated modules cannot read. */
const ARGON2ID = 2 as Algorithm;

/**
 * Argon2id with OWASP's recommended minimum (19 MiB, 2 passes, 1 lane): memory-hard, so a stolen
 * database cannot be brute-forced cheaply on GPUs, yet a sign-in costs only tens of milliseconds.
 */
const ARGON2_OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_OPTIONS);
}

/** A real hash of a random string: verifying an unknown username against it costs as much as a known one. */
let dummyHash: Promise<string> | null = null;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  if (passwordHash === null) {
    dummyHash ??= hashPassword(`unknown-user-${Math.random()}`);
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
