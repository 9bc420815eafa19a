import { z } from 'zod';

/** Office-wide settings an administrator sets once (Settings > Office). */
export const OfficeSettings = z.object({
  officeName: z.string().trim().min(1).max(120),
  /** ISO 3166 country whose phone numbers can be typed without +code. */
  defaultCountry: z.string().regex(/^[A-Z]{2}$/, 'Two-letter country code'),
  /** IANA zone for "today", business hours, reports. */
  timeZone: z.string().min(1).max(64),
  /** ISO 4217 code of the office's money amounts. */
  currency: z.string().regex(/^[A-Z]{3}$/, 'Three-letter currency code'),
});
export type OfficeSettings = z.infer<typeof OfficeSettings>;

export const DEFAULT_OFFICE_SETTINGS: OfficeSettings = { officeName: 'Lantern CRM', defaultCountry: 'US', timeZone: 'UTC', currency: 'USD' };
