/**
 * The vendor's Ed25519 public keys, by key id, as base64 SPKI DER (what `vendor-tool keygen`
 * prints). A licence names the key that signed it; keeping old ids here lets licences issued with a
 * retired key keep working. The private keys never enter this repository.
 */
export const VENDOR_PUBLIC_KEYS: Readonly<Record<string, string>> = {
  'lantern-2026-1': 'MCowBQYDK2VwAyEAUCaAq1LgAZ2yvLyE6M8Fg8e9CE+2EKTlrdsIUC7ZjOI=',
};
