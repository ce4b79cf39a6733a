/**
 * The digest as a channel wants it every morning: ONE message of about 2,500
 * characters at most — what is new since the last digest first (new articles as
 * link buttons), the three developments that matter, three key figures with their
 * change, the chart inside the embed, and a Quotes button for the verbatim quotes
 * behind exactly what the message shows. On a day with nothing new a subscription
 * may post a one-line note instead (see `digestNote`).
 *
 * Pure, like render.ts: it reads the digest engine's sections and never calls it.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { Answer, Citation } from '../types.js';
import { clip, escapeText, LIMITS, type MessagePayload } from './render.js';

/** What the message may hold (title + description), so it reads at a glance. */
export const DIGEST_BUDGET = 2500;
const COLOR = 0x2f6fdf;
const MAX_NEW_LISTED = 5;
const MAX_LINK_BUTTONS = 10;
const MAX_URL = 512;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A new article as the engine lists it in `meta.newArticles`. */
interface NewArticle {
  id: string;
  date: string | null;
  title: string;
  outlet?: string | null;
  url?: string | null;
}

export interface DigestRenderOptions {
  /** Stash key of the digest's view (see `view`): adds the Quotes button `q:<key>`. */
  key?: string;
  /** The chart goes with the message as this file, shown inside the embed. */
  chart?: { name: string; data?: Buffer };
  /** When the digest was made (ms): "updated <t:…:R>"; default now. */
  now?: number;
}

export interface RenderedDigest {
  message: MessagePayload;
  /**
   * The digest as the message shows it: only the citations it uses, numbered as
   * shown. Stash this one for the Quotes button, so it brings exactly those quotes.
   */
  view: Answer;
}

/** `<t:…:R>` and friends: Discord shows the instant in each reader's own time zone. */
export const discordTime = (ms: number, style: 'R' | 'F' | 'f' | 'D' | 't' = 'R') => `<t:${Math.floor(ms / 1000)}:${style}>`;

const humanDate = (d: string | null | undefined): string => {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d ?? '');
  if (!m) return d ?? '';
  const month = m[2] ? MONTHS[Number(m[2]) - 1] : undefined;
  if (!month) return m[1]!;
  return m[3] ? `${Number(m[3])} ${month} ${m[1]}` : `${month} ${m[1]}`;
};

/** File names as a corpus folder holds them: never shown to users. */
const FILE_NAME = /(?<![\w/.-])[\w-]+\.(?:txt|md|markdown|html?)(?![\w/.-])/g;

const safeUrl = (url: string | null | undefined): string | null => (url && url.length <= MAX_URL && /^https?:\/\/[^\s]+$/i.test(url) ? url : null);

const section = (a: Answer, heading: RegExp) => (a.sections ?? []).find((s) => heading.test(s.heading));

/** The bullet lines of a section ("• …"), without the bullet. */
const bullets = (text: string | undefined): string[] =>
  (text ?? '')
    .split('\n')
    .filter((l) => l.startsWith('• '))
    .map((l) => l.slice(2).trim());

/** True when the digest has nothing new since this channel's last one (there was one). */
export function isQuietDay(a: Answer): boolean {
  const meta = a.meta ?? {};
  return a.answered && typeof meta.since === 'number' && Array.isArray(meta.newArticles) && meta.newArticles.length === 0;
}

/**
 * A figure line without its attributions ("(August; per Miami Herald)" → "(August)"):
 * who said it is one click away behind Quotes, and the change is what the line is for.
 */
function compactFigure(line: string): string {
  return line.replace(/ \(([^;()]*); per [^()]*?\)/g, ' ($1)').replace(/ \(per [^()]*?\)/g, '');
}

/** Figures that changed (→) or are disputed (vs) first, in the engine's order. */
function pickFigures(lines: string[], n: number): string[] {
  const moving = lines.filter((l) => / → | vs /.test(l));
  return [...moving, ...lines.filter((l) => !moving.includes(l))].slice(0, n);
}

/** One line: escaped text clipped to `max` (markers kept), each marker rendered by `mark` (renumbered, linked). */
function line(text: string, max: number, mark: (n: number) => string): string {
  // "text [3][4] (2 independent sources)" → the body, its trailing markers, its tail
  const m = /^(.*?)((?:\s*\[\d+\])+)(\s*\([^()]*\))?$/s.exec(text);
  const body = m ? m[1]! : text;
  const tailMarks = m ? [...m[2]!.matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1])) : [];
  const tail = m?.[3]?.trim() ?? '';
  // markers inside the body (a figure line has one per reading) stay where they are
  const inner = escapeText(clip(body, max).replace(/\s*\[\d*…$/, '…')).replace(/\\\[(\d+)\\\]/g, (_, d: string) => mark(Number(d)));
  const marks = tailMarks.map(mark).join('');
  return `${inner}${marks ? ` ${marks}` : ''}${tail ? ` ${escapeText(tail)}` : ''}`;
}

function countWords(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** Link buttons (style 5) to articles with URLs, five to a row. */
function linkRows(refs: { label: string; url: string }[], maxRows: number): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  for (const r of refs) {
    if (seen.has(r.url) || buttons.length >= MAX_LINK_BUTTONS) continue;
    seen.add(r.url);
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, url: r.url, label: clip(r.label.replace(/\s+/g, ' ').trim() || 'Article', LIMITS.label) });
  }
  for (let i = 0; i < buttons.length && rows.length < maxRows; i += LIMITS.buttonsPerRow) rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + LIMITS.buttonsPerRow) });
  return rows;
}

const articleName = (x: { outlet?: string | null; title: string }) => x.outlet || clip(x.title || 'Article', 60);

/** Render a digest Answer as one message (see the module comment). */
export function renderDigest(answer: Answer, opts: DigestRenderOptions = {}): RenderedDigest {
  const now = opts.now ?? Date.now();
  const meta = answer.meta ?? {};
  const byN = new Map(answer.citations.map((c) => [c.n, c]));
  const fresh = (Array.isArray(meta.newArticles) ? meta.newArticles : []) as NewArticle[];
  const since = typeof meta.since === 'number' ? meta.since : null;
  const total = Array.isArray(meta.articleIds) ? meta.articleIds.length : new Set(answer.citations.map((c) => c.source)).size;
  const title = clip(answer.title.replace(/\s+/g, ' ').replace(/@(?=everyone|here)/g, '@\u200b'), LIMITS.embedTitle);

  if (!answer.answered) {
    const text = answer.blocks.map((b) => escapeText(b.text)).join('\n\n') || 'Nothing to summarise yet.';
    const view: Answer = { ...answer, citations: [], followUps: [] };
    return { message: { embeds: [{ color: 0x8a8f98, title, description: clip(text, LIMITS.embedDescription) }], components: [] }, view };
  }

  const standing = section(answer, /^Where the story stands/)?.text.replace(/\s*\n\s*/g, ' ').trim();
  const devs = bullets(section(answer, /^Key developments/)?.text);
  const figs = pickFigures(bullets(section(answer, /^Key figures/)?.text).map(compactFigure), 3);

  const build = (devMax: number, figMax: number, linking: boolean, withStanding: boolean) => {
    // the engine's numbers → the message's own, 1.. in reading order
    const order = new Map<number, number>();
    const linked = new Set<string>();
    const mark = (old: number) => {
      if (!byN.has(old)) return '';
      if (!order.has(old)) order.set(old, order.size + 1);
      const shown = order.get(old)!;
      const url = linking ? safeUrl(byN.get(old)?.url) : null;
      if (!url || linked.has(url)) return `\\[${shown}\\]`;
      linked.add(url);
      return `\\[[${shown}](${url.replace(/\)/g, '%29')})\\]`;
    };
    const parts: string[] = [];
    // 1. What is new since the last digest, first.
    if (since === null) {
      parts.push(`**First digest here** — it covers all ${countWords(total, 'article')}.`);
    } else if (!fresh.length) {
      parts.push(`**No new articles** since the last digest ${discordTime(since)}. Where the story stands:`);
    } else {
      const listed = fresh.slice(0, MAX_NEW_LISTED).map((a) => {
        const when = humanDate(a.date);
        return `• **${escapeText(clip(articleName(a), 60))}** — ${escapeText(clip(a.title || 'Untitled article', 110))}${when ? ` · ${when}` : ''}`;
      });
      const more = fresh.length - listed.length;
      parts.push(
        `**New since the last digest** ${discordTime(since)} — ${countWords(fresh.length, 'article')}\n${listed.join('\n')}${more ? `\n…and ${more} more.` : ''}`,
      );
    }
    // Where the story stands, in a line (the latest article's gist), when there is room.
    if (standing && withStanding) parts.push(`**Where it stands**\n${line(standing, devMax + 60, mark)}`);
    // 2. The three developments that matter.
    const shownDevs = devs.slice(0, 3).map((d) => `• ${line(d, devMax, mark)}`);
    if (shownDevs.length) parts.push(`**What matters**\n${shownDevs.join('\n')}`);
    // 3. Three key figures with their change.
    const shownFigs = figs.map((f) => `• ${line(f, figMax, mark)}`);
    if (shownFigs.length) parts.push(`**Key figures**\n${shownFigs.join('\n')}`);
    const notes = (answer.notes ?? []).map((n) => `-# ${clip(escapeText(n.replace(FILE_NAME, 'an article')).replace(/\n/g, ' '), 200)}`);
    parts.push(...notes);
    const quotes = opts.key && order.size ? ' · quotes behind **Quotes**' : '';
    parts.push(`-# ${countWords(total, 'article')} · updated ${discordTime(now)}${quotes} · more in \`/timeline\` \`/compare\` \`/sources\``);
    return { description: parts.join('\n\n'), order };
  };

  let out = build(300, 260, true, true);
  for (const [devMax, figMax, linking, withStanding] of [
    [240, 220, true, true],
    [240, 220, true, false],
    [200, 200, false, false],
    [160, 160, false, false],
    [120, 140, false, false],
  ] as const) {
    if (title.length + out.description.length <= DIGEST_BUDGET) break;
    out = build(devMax, figMax, linking, withStanding);
  }
  const description = clip(out.description, LIMITS.embedDescription);

  const embed: APIEmbed = { color: COLOR, title, description };
  if (opts.chart) embed.image = { url: `attachment://${opts.chart.name}` };

  // The view: the citations the message shows, numbered as shown.
  const citations: Citation[] = [...out.order]
    .sort((x, y) => x[1] - y[1])
    .map(([old, shown]) => ({ ...byN.get(old)!, n: shown }));
  const view: Answer = {
    command: 'digest',
    answered: true,
    title: answer.title,
    blocks: [{ text: description, cites: citations.map((c) => c.n) }],
    citations,
    followUps: [],
  };

  const components: APIActionRowComponent<APIButtonComponent>[] = [];
  if (opts.key && citations.length) {
    components.push({ type: ComponentType.ActionRow, components: [{ type: ComponentType.Button, custom_id: `q:${opts.key}`, label: `Quotes (${citations.length})`, style: ButtonStyle.Secondary }] });
  }
  // New articles as link buttons; on a first digest or a quiet day, the articles the message cites.
  const refs = fresh.length
    ? fresh.map((a) => ({ label: articleName(a), url: safeUrl(a.url) }))
    : citations.map((c) => ({ label: articleName(c), url: safeUrl(c.url) }));
  components.push(...linkRows(refs.filter((r): r is { label: string; url: string } => !!r.url), LIMITS.rows - components.length));

  const message: MessagePayload = { embeds: [embed], components };
  if (opts.chart?.data) message.files = [{ name: opts.chart.name, data: opts.chart.data }];
  return { message, view };
}

/** The one-line note a `quiet:note` subscription posts on a day with nothing new. */
export function digestNote(answer: Answer): MessagePayload {
  const since = typeof answer.meta?.since === 'number' ? answer.meta.since : null;
  return { content: since !== null ? `No new articles since the last digest ${discordTime(since)}.` : 'No new articles since the last digest.', embeds: [], components: [] };
}
