import { defineMethod } from '../method';
import { Empty, Ok } from '../schemas/common';
import { LicenceInstallInput, LicenceStatus, SeatHeartbeat, SeatList, SeatReleaseInput } from '../schemas/licence';

/** The licence and the seats it grants (LICENSE-SERVER.md explains both to an IT admin). */
export const licenceMethods = {
  'licence.status': defineMethod({
    summary: 'The licence or trial in force, whether changes are allowed, and seats in use.',
    input: Empty,
    output: LicenceStatus,
    kind: 'read',
    access: 'user',
  }),
  'licence.install': defineMethod({
    summary: 'Install a licence file (its text); refused with the reason when it is not valid here (administrators only).',
    input: LicenceInstallInput,
    output: LicenceStatus,
    kind: 'write',
    access: ['admin'],
  }),
  'seats.list': defineMethod({
    summary: 'Who holds a seat now, since when, and when each lease runs out (administrators only).',
    input: Empty,
    output: SeatList,
    kind: 'read',
    access: ['admin'],
  }),
  'seats.release': defineMethod({
    summary: "Free a person's seat: their sessions end on every device (administrators only).",
    input: SeatReleaseInput,
    output: Ok,
    kind: 'write',
    access: ['admin'],
  }),
  'seats.heartbeat': defineMethod({
    summary: 'Keep your seat while the app is open but idle (every call renews it too); send about once a minute.',
    input: Empty,
    output: SeatHeartbeat,
    kind: 'read',
    access: 'user',
  }),
};
