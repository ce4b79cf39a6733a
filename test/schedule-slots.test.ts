import { describe, expect, it } from 'vitest';
import { cronFor, isValidCron, nextSlot, nextSlots, parseTime, previousSlot } from '../src/schedule/slots.js';
import { describeSchedule, nextRunOf, validateSubscription, type Subscription } from '../src/schedule/subscriptions.js';
import { isBadInputError } from '../src/errors.js';

const iso = (d: Date | null | undefined) => d?.toISOString();

describe('next run in the subscription time zone', () => {
  it('daily at 08:30 in Paris (UTC+1 in winter, +2 in summer)', () => {
    const cron = cronFor('08:30', 'daily');
    expect(cron).toBe('30 8 * * *');
    expect(iso(nextSlot(cron, 'Europe/Paris', new Date('2026-01-15T06:00:00Z'))?.at)).toBe('2026-01-15T07:30:00.000Z');
    expect(iso(nextSlot(cron, 'Europe/Paris', new Date('2026-01-15T07:30:00Z'))?.at)).toBe('2026-01-16T07:30:00.000Z');
    expect(iso(nextSlot(cron, 'Europe/Paris', new Date('2026-07-15T06:00:00Z'))?.at)).toBe('2026-07-15T06:30:00.000Z');
    expect(iso(nextSlot(cron, 'Asia/Kolkata', new Date('2026-07-15T00:00:00Z'))?.at)).toBe('2026-07-15T03:00:00.000Z');
  });

  it('DST spring-forward day: a slot inside the gap runs right after it, once', () => {
    // New York, 8 March 2026: 02:00 EST jumps to 03:00 EDT; 02:30 does not exist.
    const slots = nextSlots(cronFor('02:30', 'daily'), 'America/New_York', new Date('2026-03-07T00:00:00Z'), 3);
    expect(slots.map((s) => [iso(s.at), s.local])).toEqual([
      ['2026-03-07T07:30:00.000Z', '2026-03-07T02:30'], // 02:30 EST
      ['2026-03-08T07:30:00.000Z', '2026-03-08T02:30'], // 03:30 EDT: shifted past the gap
      ['2026-03-09T06:30:00.000Z', '2026-03-09T02:30'], // 02:30 EDT
    ]);
  });

  it('DST fall-back day: a slot in the repeated hour runs once (the first 01:30)', () => {
    const slots = nextSlots(cronFor('01:30', 'daily'), 'America/New_York', new Date('2026-10-31T12:00:00Z'), 2);
    expect(slots.map((s) => iso(s.at))).toEqual(['2026-11-01T05:30:00.000Z', '2026-11-02T06:30:00.000Z']);
    // Europe's change day keeps the wall time: 09:00 CET then 09:00 CEST.
    const eu = nextSlots(cronFor('09:00', 'daily'), 'Europe/Berlin', new Date('2026-03-28T12:00:00Z'), 2);
    expect(eu.map((s) => iso(s.at))).toEqual(['2026-03-29T07:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('twice-daily runs at the time and twelve hours later, in local time across DST', () => {
    expect(cronFor('21:15', 'twice-daily')).toBe('15 9,21 * * *');
    const s = nextSlots(cronFor('09:00', 'twice-daily'), 'Europe/Berlin', new Date('2026-03-28T12:00:00Z'), 4);
    expect(s.map((x) => x.local)).toEqual(['2026-03-28T21:00', '2026-03-29T09:00', '2026-03-29T21:00', '2026-03-30T09:00']);
    expect(s.map((x) => iso(x.at))).toEqual(['2026-03-28T20:00:00.000Z', '2026-03-29T07:00:00.000Z', '2026-03-29T19:00:00.000Z', '2026-03-30T07:00:00.000Z']);
  });

  it('weekly runs on Mondays', () => {
    const s = nextSlots(cronFor('07:00', 'weekly'), 'Australia/Sydney', new Date('2026-04-01T00:00:00Z'), 3);
    expect(s.map((x) => x.local)).toEqual(['2026-04-06T07:00', '2026-04-13T07:00', '2026-04-20T07:00']);
    // Sydney leaves daylight time on 5 April 2026: +11 before, +10 after.
    expect(iso(s[0]!.at)).toBe('2026-04-05T21:00:00.000Z');
    expect(s.every((x) => new Date(`${x.local}:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('previous slot: the latest one due', () => {
    expect(previousSlot('0 8 * * *', 'UTC', new Date('2026-05-05T07:59:59Z'))?.local).toBe('2026-05-04T08:00');
    expect(previousSlot('0 8 * * *', 'UTC', new Date('2026-05-05T08:00:00Z'))?.local).toBe('2026-05-05T08:00');
    expect(previousSlot('*/20 6-7 * * mon-fri', 'UTC', new Date('2026-05-09T12:00:00Z'))?.local).toBe('2026-05-08T07:40'); // Saturday → Friday
  });
});

describe('input validation', () => {
  it('times', () => {
    expect(parseTime('08:30')).toEqual({ hour: 8, minute: 30 });
    expect(parseTime('8:05')).toEqual({ hour: 8, minute: 5 });
    for (const bad of ['24:00', '12:60', '8', '08:3', 'noon', '', '-1:00']) expect(parseTime(bad)).toBeNull();
  });

  it('cron expressions', () => {
    expect(isValidCron('0 9 * * 1-5')).toBe(true);
    expect(isValidCron('0 0 9 * * *')).toBe(true);
    for (const bad of ['', '* * *', '61 * * * *', '0 25 * * *', 'a b c d e', '0 9 * * 8']) expect(isValidCron(bad)).toBe(false);
  });

  it('subscriptions: clear errors for a bad time, zone, frequency or channel', () => {
    const ok = validateSubscription({ channelId: '123456789012345678', time: '7:05', timezone: 'europe/paris', frequency: 'weekly' });
    expect(ok).toEqual({ channelId: '123456789012345678', time: '07:05', timezone: 'Europe/Paris', frequency: 'weekly', cron: '5 7 * * 1', quiet: 'note' });
    expect(validateSubscription({ channelId: '123456789012345678', time: '08:00', timezone: 'UTC', frequency: 'daily', quiet: 'skip' }).quiet).toBe('skip');
    const fails = [
      [{ time: '25:00' }, /not a time of day.*HH:MM/],
      [{ timezone: 'Mars/Olympus' }, /not a time zone I know.*IANA/],
      [{ frequency: 'hourly' }, /daily, twice-daily, weekly/],
      [{ channelId: 'general' }, /not a channel/],
      [{ quiet: 'loud' }, /skip, note, full/],
    ] as const;
    for (const [patch, msg] of fails) {
      let err: unknown;
      try {
        validateSubscription({ channelId: '123456789012345678', time: '08:00', timezone: 'UTC', frequency: 'daily', ...patch });
      } catch (e) {
        err = e;
      }
      expect(isBadInputError(err)).toBe(true);
      expect((err as Error).message).toMatch(msg);
    }
  });

  it('describes schedules and the next run', () => {
    const sub: Subscription = {
      id: '1',
      channelId: '1',
      guildId: null,
      time: '09:00',
      timezone: 'Europe/Berlin',
      frequency: 'twice-daily',
      cron: cronFor('09:00', 'twice-daily'),
      source: 'command',
      createdBy: null,
      createdAt: 0,
      paused: null,
    };
    expect(describeSchedule(sub)).toBe('twice daily at 09:00 and 21:00 (Europe/Berlin)');
    expect(iso(nextRunOf(sub, new Date('2026-06-01T08:00:00Z')))).toBe('2026-06-01T19:00:00.000Z');
    expect(nextRunOf({ ...sub, paused: { reason: 'gone', at: 0 } }, new Date())).toBeNull();
  });
});
