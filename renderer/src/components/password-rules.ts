import type { TFunction } from 'i18next';

/** Mirrors the contract's Password schema (8+ characters) so the user hears it before submitting. */
export const MIN_PASSWORD_LENGTH = 8;

export function passwordError(t: TFunction, password: string): string | null {
  if (!password) return t('validation.required');
  return password.length < MIN_PASSWORD_LENGTH ? t('validation.passwordTooShort') : null;
}

export function confirmError(t: TFunction, password: string, confirm: string): string | null {
  if (!confirm) return t('validation.required');
  return password === confirm ? null : t('validation.passwordsDiffer');
}
