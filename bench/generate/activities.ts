import type { Db } from '../../electron/core/db/open';
import { activityDef } from '../../electron/core/records/types/activities';
import { appRowMaker } from './app-rows';
import { REFERENCE_TIME, TABLE_TAG, createdAtMs, iso, recordId } from './ids';
import { WeightedPick, type Prng } from './prng';
import type { GenState } from './state';
import { ACTIVITY_BODIES, ACTIVITY_SUBJECTS } from './words-companies';

type ActivityType = keyof typeof ACTIVITY_SUBJECTS;
const TYPES = new WeightedPick<ActivityType>(['task', 'call', 'meeting', 'email', 'note'], [35, 25, 15, 15, 10]);
const PRIORITIES = new WeightedPick(['low', 'normal', 'high'], [20, 65, 15]);
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const QUARTERS = ['Q1', 'Q2', 'Q3', 'Q4'];

interface When {
  due: number | null;
  start: number | null;
  end: number | null;
  /** Logged after the fact (notes, e-mails, calls made): done when created. */
  logged: boolean;
}

/** Tasks fall due within weeks of being created; calls are logged or scheduled; meetings are planned ahead. */
function timesFor(random: Prng, type: ActivityType, created: number): When {
  const roundTo = (ms: number, step: number) => Math.round(ms / step) * step;
  switch (type) {
    case 'task':
      return { due: roundTo(created + random.int(HOUR, 21 * DAY), 15 * MINUTE), start: null, end: null, logged: false };
    case 'call': {
      const logged = random.chance(0.6);
      const start = logged ? created - random.int(5 * MINUTE, 3 * HOUR) : roundTo(created + random.int(HOUR, 14 * DAY), 15 * MINUTE);
      return { due: logged ? null : start, start, end: start + random.int(5, 45) * MINUTE, logged };
    }
    case 'meeting': {
      const start = roundTo(created + random.int(DAY, 30 * DAY), 30 * MINUTE);
      return { due: null, start, end: start + random.int(1, 4) * 30 * MINUTE, logged: false };
    }
    default:
      return { due: null, start: null, end: null, logged: true };
  }
}

/**
 * Row `i` of activities: related to a contact or to an account, owned mostly by the related
 * record's owner, spread over the past five years and the next weeks. The app's derive hook fills
 * subject_key, occurred_at, completed_at and the account (looked up from the contact, as on create).
 */
export function activityRows(db: Db, state: GenState): (i: number) => Record<string, unknown> {
  const random = state.random(TABLE_TAG.activities);
  const toRow = appRowMaker(db, activityDef);
  const { counts } = state;
  return (i) => {
    const created = createdAtMs(TABLE_TAG.activities, i, counts.activities);
    const type = TYPES.draw(random);
    const when = timesFor(random, type, created);
    const target = random.next();
    let related: { type: string; id: string } | null = null;
    let owner = state.owners.draw(random);
    if (target < 0.55 && counts.contacts > 0) {
      const contact = state.earlier(random, i, counts.activities, counts.contacts);
      related = { type: 'contacts', id: state.contactId(contact) };
      if (random.chance(0.85)) owner = state.contactOwner[contact]!;
    } else if (target < 0.9 && counts.accounts > 0) {
      const account = state.earlier(random, i, counts.activities, counts.accounts);
      related = { type: 'accounts', id: state.accountId(account) };
      if (random.chance(0.85)) owner = state.accountOwner[account]!;
    }

    const plannedFor = when.due ?? when.start ?? created;
    const done = when.logged || (plannedFor < REFERENCE_TIME ? random.chance(0.9) : random.chance(0.05));
    const completed = !done
      ? null
      : when.logged
        ? created
        : Math.max(created, Math.min(REFERENCE_TIME - MINUTE, plannedFor + random.int(-2 * DAY, 3 * DAY)));
    // Completing a task is its last save; other activities were edited now and then.
    const updated =
      completed !== null && !when.logged
        ? completed
        : random.chance(0.7)
          ? created
          : created + Math.floor((REFERENCE_TIME - created) * random.next() ** 6);
    const subject = `${random.pick(ACTIVITY_SUBJECTS[type])}${random.chance(0.3) ? ` ${random.pick(QUARTERS)} ${new Date(created).getUTCFullYear()}` : ''}`;
    const deletedAt = random.chance(0.005) ? iso(updated) : null;
    const ownerId = state.ownerId(owner);
    const id = recordId(TABLE_TAG.activities, i, created);
    if (deletedAt) state.deleted.push({ table: 'activities', id, title: subject, at: deletedAt, by: ownerId });
    const at = (ms: number | null) => (ms === null ? null : iso(ms));
    return toRow(
      {
        id,
        type,
        subject,
        body: random.chance(0.35) ? random.pick(ACTIVITY_BODIES) : null,
        dueAt: at(when.due),
        startAt: at(when.start),
        endAt: at(when.end),
        status: done ? 'done' : 'open',
        priority: PRIORITIES.draw(random),
        relatedType: related?.type ?? null,
        relatedId: related?.id ?? null,
        // Logged from the contact's page: the contact is the activity's contact too.
        contactId: related?.type === 'contacts' ? related.id : null,
        // Read by derive (done when created, or when the task was ticked off); not an input field.
        completedAt: at(completed),
        ownerId,
        createdAt: iso(created),
        updatedAt: iso(updated),
        createdBy: ownerId,
        updatedBy: ownerId,
        version: updated === created ? 1 : random.int(2, 4),
        deletedAt,
      },
      created,
    );
  };
}
