/** `/digest status`: what is scheduled for a channel, when it last posted, and what is new since. */
import type { Deps } from '../deps.js';
import { corpusUnavailableNote } from '../corpus/watch.js';
import { channelDigestKey, type ChannelDigestRecord } from '../engines/digest.js';
import { MONTH_SHORT } from '../language/lexicon/calendar.js';
import { wallClock } from './slots.js';
import { describeQuiet, describeSchedule, getState, getSubscription, nextRunOf } from './subscriptions.js';

const pad = (n: number) => String(n).padStart(2, '0');

/** "Mon 1 Jun 2026, 08:30 Europe/Paris (06:30 UTC)". */
export function formatInZone(ms: number, tz: string): string {
  const w = wallClock(ms, tz);
  const day = new Date(Date.UTC(w.y, w.mo - 1, w.d)).toLocaleDateString('en-GB', { weekday: 'short', timeZone: 'UTC' });
  const u = new Date(ms);
  const local = `${day} ${w.d} ${MONTH_SHORT[w.mo - 1]} ${w.y}, ${pad(w.h)}:${pad(w.mi)} ${tz}`;
  return tz === 'UTC' ? local : `${local} (${pad(u.getUTCHours())}:${pad(u.getUTCMinutes())} UTC)`;
}

/** An instant as Discord shows it to each reader, in their own zone: `<t:…:f>` (`<t:…:R>`). */
const when = (ms: number) => `<t:${Math.floor(ms / 1000)}:f> (<t:${Math.floor(ms / 1000)}:R>)`;

/**
 * Status lines for a channel's digest (Discord markdown: instants are `<t:…>` timestamps,
 * shown in each reader's own time zone). With `guildId`, only that server's subscription
 * for the channel is shown.
 */
export async function digestStatus(deps: Deps, channelId: string, guildId?: string | null): Promise<string> {
  const sub = await getSubscription(deps.store, deps.config, channelId, guildId);
  const corpusNote = corpusUnavailableNote(deps.corpus);
  if (!sub) return ['No digest is scheduled for this channel. Use `/digest subscribe` to set one up.', corpusNote].filter(Boolean).join('\n');
  const now = deps.clock();
  const state = await getState(deps.store, sub.id);
  const lines = [`Digest: ${describeSchedule(sub)}${sub.source === 'env' ? ' — default from the environment' : ''}.`];
  if (sub.paused) {
    lines.push(`Paused: ${sub.paused.reason} (since ${when(sub.paused.at)}). Fix the channel or permissions, then run \`/digest subscribe\` again to resume.`);
    lines.push('Next run: none while paused.');
  } else {
    const next = nextRunOf(sub, now);
    lines.push(`Next run: ${next ? when(next.getTime()) : 'never (the schedule has no future slot)'}.`);
  }
  lines.push(`On a day with no new articles: ${describeQuiet(sub)}.`);
  lines.push(state.lastPostedAt ? `Last post: ${when(state.lastPostedAt)}.` : 'Last post: none yet.');
  const record = await deps.store.get<ChannelDigestRecord>(channelDigestKey(channelId));
  const articles = deps.corpus.articles;
  if (record) {
    const seen = new Set(record.articleIds);
    const fresh = articles.filter((a) => !seen.has(a.id));
    // articles by outlet or title, never by file name
    const name = (a: (typeof articles)[number]) => a.outlet ?? `“${a.title.length > 50 ? `${a.title.slice(0, 49)}…` : a.title}”`;
    lines.push(`Articles since the last digest: ${fresh.length}${fresh.length ? ` (${fresh.slice(0, 5).map(name).join(', ')}${fresh.length > 5 ? ', …' : ''})` : ''}.`);
  } else {
    lines.push(`Articles since the last digest: all ${articles.length} (no digest posted yet).`);
  }
  if (state.uncertain) lines.push(`Note: the post for slot ${state.uncertain.slot} was interrupted and could not be confirmed; it was not re-sent to avoid a duplicate.`);
  if (state.lastError && !sub.paused) lines.push(`Last problem: ${state.lastError.message} (${when(state.lastError.at)}).`);
  if (corpusNote) lines.push(corpusNote);
  return lines.join('\n');
}
