/**
 * Answer → Discord message payloads. Pure: no client, no I/O, so it can be
 * property-tested against every limit in DISCORD.md. Long answers are split over
 * several embeds and messages; citations are never dropped (a long title or URL is
 * shortened visibly, but every numbered citation is listed). Article text is
 * markdown-escaped so it shows verbatim and cannot format, link or ping.
 */
import { ButtonStyle, ComponentType, escapeMarkdown, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { Answer, AnswerBlock, Citation } from '../types.js';

/** Discord's limits (discord-api-docs), measured in UTF-16 units, which over-counts safely. */
export const LIMITS = {
  content: 2000,
  embedsPerMessage: 10,
  embedTitle: 256,
  embedDescription: 4096,
  fields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  author: 256,
  embedTotal: 6000,
  rows: 5,
  buttonsPerRow: 5,
  customId: 100,
  label: 80,
  selectOptions: 25,
  textInput: 4000,
} as const;

/** A transport-neutral message: the gateway and HTTP front doors add allowed mentions and flags. */
export interface MessagePayload {
  content?: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  /** Files to upload with the message (e.g. the digest chart, shown by an embed as attachment://name). */
  files?: { name: string; data: Buffer }[];
}

/** Where buttons should point; without `key` the stateful buttons (quotes, follow-ups, pages) are left out. */
export interface RenderContext {
  /** Short id under which the answer is stashed (e.g. the interaction id). */
  key?: string;
  /** Conversation coordinates for the "Ask a follow-up" modal. */
  channelId?: string;
  userId?: string;
  /** A timeline copy paged by this user (someone other than the asker): its ◀ ▶ carry the id. */
  pager?: string;
}

const COLOR = {
  answered: 0x2f6fdf,
  unanswered: 0x8a8f98,
  supported: 0x2e9e5b,
  contradicted: 0xd83c3e,
  partly: 0xe0a526,
  notAddressed: 0x8a8f98,
  differ: 0xe0a526,
} as const;

/** An answer's colour: verdicts differ (supported green, contradicted red, partly amber, not addressed grey). */
export function colorOf(a: Answer): number {
  switch (a.verdict) {
    case 'supported':
      return COLOR.supported;
    case 'contradicted':
      return COLOR.contradicted;
    case 'partly supported':
      return COLOR.partly;
    case 'not addressed':
      return COLOR.notAddressed;
  }
  if (!a.answered) return COLOR.unanswered;
  if (a.command === 'compare' && a.disagreements?.length) return COLOR.differ;
  return COLOR.answered;
}
/** Items are kept small so any one always fits in an empty embed/message. */
const TEXT_CHUNK = 1500;
const MAX_TITLE_IN_CITE = 150;
const MAX_OUTLET = 60;
const MAX_URL = 400;
const MAX_EVENT_TEXT = 1200;
const MAX_FOLLOW_UP_BUTTONS = 4;
/** Room kept in a timeline page for its titles and placeholder text. */
const TITLE_ROOM = LIMITS.embedTitle + 64;

// ---- text helpers ------------------------------------------------------------------

/**
 * Escape Discord markdown so article text shows verbatim: discord.js's own escaper for
 * backslashes, code, strikethrough, spoilers, headings and numbered lists; then what it leaves
 * alone or gets wrong. Every `*` and `_` is escaped here, because its emphasis escapers take
 * quadratic time on long unspaced runs and leave a stray backslash in runs like `____`; a
 * backtick in a run of four or more; every bracket (no `[text](url)` from an article becomes
 * a link, and `[n]` markers are always written escaped); `-` lists, block quotes and `-#` subtext;
 * `<@id>` and `<t:…>` kept literal; `@everyone` broken.
 */
export function escapeText(text: string): string {
  return escapeMarkdown(text, { italic: false, bold: false, underline: false, heading: true, numberedList: true })
    .replace(/(?<!\\)((?:\\\\)*)`/g, '$1\\`')
    .replace(/[*_[\]]/g, '\\$&')
    .replace(/^(\s*)([>-])/gm, '$1\\$2')
    .replace(/<(?=[@#:at/])/g, '\\<')
    .replace(/(?<=^|\s)@(?=everyone|here)/g, '@\u200b');
}

/** Break `@everyone`/`@here` with a zero-width space (belt and braces: allowed_mentions already stops the ping). */
const noMassPing = (text: string) => text.replace(/@(?=everyone|here)/g, '@\u200b');

/** Undo escapeText (tests use it to find quotes verbatim in rendered output). */
export function unescapeText(text: string): string {
  return text.replace(/@\u200b/g, '@').replace(/\\(.)/gs, '$1');
}

/** Shorten visibly with an ellipsis; never cuts a surrogate pair or leaves a dangling escape. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return safeCut(text, max - 1).trimEnd() + '…';
}

/** Largest prefix of at most `max` units that does not split a surrogate pair or an escape. */
function safeCut(text: string, max: number): string {
  let end = Math.min(max, text.length);
  const code = text.charCodeAt(end - 1);
  if (end < text.length && code >= 0xd800 && code <= 0xdbff) end--;
  // count trailing backslashes: an odd run means the cut separates an escape from its char
  let n = 0;
  while (end - 1 - n >= 0 && text[end - 1 - n] === '\\') n++;
  if (n % 2 === 1) end--;
  return text.slice(0, end);
}

/** Split text into pieces of at most `max` units, preferring paragraph, line, sentence, word breaks. */
export function splitText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = safeCut(rest, max);
    let cut = -1;
    for (const re of [/\n\n(?=[^\n]*$)/, /\n(?=[^\n]*$)/, /[.!?…]\s(?=[^.!?…]*$)/, /\s(?=\S*$)/]) {
      const m = re.exec(window);
      if (m && m.index > max / 3) {
        cut = m.index + m[0].length;
        break;
      }
    }
    if (cut <= 0) cut = window.length;
    // never leave a dangling escape at the end of a piece
    const piece = safeCut(rest, cut);
    out.push(piece.trimEnd());
    rest = rest.slice(piece.length).replace(/^\s+/, '');
  }
  if (rest.trim()) out.push(rest);
  return out.length ? out : [''];
}

const markers = (cites: number[]) => cites.map((n) => `[${n}]`).join('');

/** Block text with its citation markers (appended unless the text already carries them). */
function withMarkers(text: string, cites: number[], max = Infinity): string {
  const missing = [...new Set(cites)].filter((n) => !text.includes(`[${n}]`));
  const body = clip(escapeText(text), max);
  return missing.length ? `${body} ${markers(missing)}` : body;
}

function safeUrl(url: string | null): string | null {
  if (!url || url.length > MAX_URL || !/^https?:\/\/[^\s]+$/i.test(url)) return null;
  return url.replace(/\)/g, '%29').replace(/\(/g, '%28');
}

/** One line naming a citation: number, title (linked when there is a URL), outlet, date. */
export function citationLine(c: Citation): string {
  const title = escapeText(clip(c.title || 'Untitled article', MAX_TITLE_IN_CITE));
  const url = safeUrl(c.url);
  const head = url ? `[${title}](${url})` : title;
  const meta = [c.outlet ? escapeText(clip(c.outlet, MAX_OUTLET)) : null, c.date].filter(Boolean).join(' · ');
  return `**[${c.n}]** ${head}${meta ? ` — ${meta}` : ''}`;
}

// ---- answer → sections of text ----------------------------------------------------------

/** The answer's body as escaped text pieces (each ≤ TEXT_CHUNK), in reading order. */
function bodyItems(a: Answer): string[] {
  const parts: string[] = [];
  // Engines mirror their structured data (sections, sources…) into blocks; show the
  // blocks when there are any, and the structured data only as a fallback.
  const structured = a.blocks.length === 0;
  if (a.entity) {
    const e = a.entity;
    const aliases = e.aliases.length ? ` · also: ${e.aliases.map(escapeText).join(', ')}` : '';
    parts.push(`*${e.kind}*${aliases}`);
    if (e.description && structured) parts.push(escapeText(e.description));
  }
  if (a.verdict && structured) parts.push(`**Verdict: ${a.verdict}**`); // the blocks already state it
  for (const b of a.blocks) {
    const text = withMarkers(b.text, b.cites);
    parts.push(b.heading ? `**${escapeText(b.heading)}**\n${text}` : text);
  }
  if (structured) {
    for (const s of a.sections ?? []) parts.push(`**${escapeText(s.heading)}**\n${withMarkers(s.text, s.citations)}`);
    for (const d of a.disagreements ?? []) {
      const sides = d.sides.map((s) => `• ${withMarkers(s.text, s.citations)}`).join('\n');
      parts.push(`**${escapeText(d.topic)}**\n${sides}`);
    }
    for (const s of a.sources ?? []) parts.push(sourceText(s));
    for (const e of a.events ?? []) parts.push(eventLine(e));
  }
  for (const n of a.notes ?? []) parts.push(`-# ${escapeText(n).replace(/\n/g, ' ')}`);
  return parts.flatMap((p) => splitText(p, TEXT_CHUNK));
}

function sourceText(s: NonNullable<Answer['sources']>[number]): string {
  const url = safeUrl(s.url);
  const title = escapeText(clip(s.title || 'Untitled article', MAX_TITLE_IN_CITE));
  const meta = [s.outlet && escapeText(clip(s.outlet, MAX_OUTLET)), s.date ?? 'undated', s.author && escapeText(clip(s.author, 80)), `${s.words} words`]
    .filter(Boolean)
    .join(' · ');
  const lines = [`**${url ? `[${title}](${url})` : title}**`, meta];
  if (s.cites.length) lines.push(`attributes claims to: ${s.cites.map((x) => escapeText(clip(x, 60))).join(', ')}`);
  if (s.overlapsWith.length) {
    lines.push(`overlaps: ${s.overlapsWith.map((o) => `${escapeText(clip(o.source, 120))} (${Math.round(o.share * 100)}%)`).join(', ')}`);
  }
  return lines.join('\n');
}

function eventLine(e: NonNullable<Answer['events']>[number]): string {
  const when = e.date ?? 'undated';
  const note = e.note ? ` *(${escapeText(clip(e.note, 200))})*` : '';
  const bg = e.background ? ' *(background)*' : '';
  return `**${escapeText(when)}**${bg} — ${withMarkers(e.text, e.citations, MAX_EVENT_TEXT)}${note}`;
}

// ---- packing into embeds and messages ------------------------------------------------

type Item = { kind: 'body' | 'cites'; text: string };

const embedSize = (e: APIEmbed) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.author?.name.length ?? 0) +
  (e.fields ?? []).reduce((s, f) => s + f.name.length + f.value.length, 0);

/**
 * Pack items into messages: consecutive items of one kind share an embed while the
 * description stays ≤ 4096; a message holds ≤ 10 embeds and ≤ 6000 characters.
 */
function pack(items: Item[], titles: { body: string; cites: string }, color: number): MessagePayload[] {
  const messages: MessagePayload[] = [];
  let msg: MessagePayload = { embeds: [], components: [] };
  let total = 0;
  let lastKind: Item['kind'] | null = null;
  let bodyTitled = false;
  let citesTitled = false;
  const flush = () => {
    if (msg.embeds.length) messages.push(msg);
    msg = { embeds: [], components: [] };
    total = 0;
    lastKind = null;
  };
  for (const item of items) {
    const cur = msg.embeds[msg.embeds.length - 1];
    const sep = '\n\n';
    if (cur && lastKind === item.kind && (cur.description!.length + sep.length + item.text.length <= LIMITS.embedDescription) && total + sep.length + item.text.length <= LIMITS.embedTotal) {
      cur.description += sep + item.text;
      total += sep.length + item.text.length;
      continue;
    }
    const wantsTitle = item.kind === 'body' ? !bodyTitled : !citesTitled;
    const title = wantsTitle ? (item.kind === 'body' ? titles.body : titles.cites) : undefined;
    const size = item.text.length + (title?.length ?? 0);
    if (msg.embeds.length >= LIMITS.embedsPerMessage || total + size > LIMITS.embedTotal) flush();
    const embed: APIEmbed = { color, description: item.text };
    if (title) embed.title = title;
    if (item.kind === 'body') bodyTitled = true;
    else citesTitled = true;
    msg.embeds.push(embed);
    total += size;
    lastKind = item.kind;
  }
  flush();
  return messages;
}

const button = (
  custom_id: string,
  label: string,
  style: ButtonStyle.Primary | ButtonStyle.Secondary,
  disabled = false,
): APIButtonComponent => ({
  type: ComponentType.Button,
  custom_id,
  label: clip(label.replace(/\s+/g, ' ').trim() || '…', LIMITS.label),
  style,
  disabled,
});

const row = (buttons: APIButtonComponent[]): APIActionRowComponent<APIButtonComponent> => ({ type: ComponentType.ActionRow, components: buttons });

/** Buttons under an answer: Quotes, Ask a follow-up, then suggested follow-ups (one click asks). */
function answerComponents(a: Answer, ctx: RenderContext): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const first: APIButtonComponent[] = [];
  if (ctx.key && a.citations.length) first.push(button(`q:${ctx.key}`, 'Quotes', ButtonStyle.Secondary));
  if (ctx.channelId && ctx.userId) first.push(button(`m:${ctx.channelId}:${ctx.userId}`, 'Ask a follow-up', ButtonStyle.Primary));
  if (first.length) rows.push(row(first));
  if (ctx.key && a.followUps.length) {
    rows.push(row(a.followUps.slice(0, MAX_FOLLOW_UP_BUTTONS).map((q, i) => button(`f:${ctx.key}:${i}`, q, ButtonStyle.Secondary))));
  }
  return rows;
}

function titleOf(a: Answer): string {
  const t = a.entity?.name ? (a.title && a.title !== a.entity.name ? a.title : a.entity.name) : a.title || `/${a.command}`;
  return clip(noMassPing(t.replace(/\s+/g, ' ')), LIMITS.embedTitle - 20);
}

/**
 * Render an answer as users see it first: /ask, /who, /verify and /compare as compact
 * cards (the rest behind buttons); other answers in full.
 */
export function renderAnswer(answer: Answer, ctx: RenderContext = {}): MessagePayload[] {
  const a = readable(answer);
  if (a.command === 'ask') return [askCard(a, ctx)];
  if (a.command === 'who' && a.entity && a.answered) return [whoCard(a, ctx)];
  if (a.command === 'verify' || a.command === 'compare') return [compactCard(a, ctx)];
  return renderFull(a, ctx);
}

/** The whole answer, every block and every citation, over as many messages as it needs. */
export function renderFull(answer: Answer, ctx: RenderContext = {}): MessagePayload[] {
  const a = readable(answer);
  const color = colorOf(a);
  const items: Item[] = bodyItems(a).map((text) => ({ kind: 'body' as const, text }));
  for (const c of [...a.citations].sort((x, y) => x.n - y.n)) items.push({ kind: 'cites', text: citationLine(c) });
  const messages = pack(items, { body: titleOf(a), cites: `Sources (${a.citations.length})` }, color);
  if (!messages.length) messages.push({ embeds: [{ color, title: titleOf(a), description: 'No answer.' }], components: [] });
  messages[messages.length - 1]!.components = answerComponents(a, ctx);
  return messages;
}

// ---- readable answers: no internal file names -------------------------------------------

const readableCache = new WeakMap<Answer, Answer>();
/** File names as a corpus folder holds them (`000_46500a0d823731af.txt`): never shown to users. */
const FILE_NAME = /(?<![\w/.-])[\w-]+\.(?:txt|md|markdown|html?)(?![\w/.-])/g;
const FILE_NAME_ONLY = new RegExp(`^${FILE_NAME.source}$`);

/** Short name of an article for text: its outlet, else its title in quotation marks. */
function articleLabel(x: { outlet: string | null; title: string; source: string }): string {
  if (x.outlet) return x.outlet;
  return x.title ? `“${shortTitle(x.title)}”` : 'an untitled article';
}

function shortTitle(t: string, max = 60): string {
  if (t.length <= max) return t;
  const cut = t.slice(0, max - 2);
  const sp = cut.lastIndexOf(' ');
  return `${cut.slice(0, sp > max / 2 ? sp : max - 2)}…`;
}

/**
 * The answer with every internal file name (an article's id) replaced by the article's
 * outlet or title: engines write ids into notes and comparisons; users never see them.
 */
export function readable(a: Answer): Answer {
  const hit = readableCache.get(a);
  if (hit) return hit;
  const labels = new Map<string, string>();
  const named = (x: { outlet: string | null; title: string; source: string }) => articleLabel({ ...x, title: x.title === x.source || FILE_NAME_ONLY.test(x.title.trim()) ? '' : x.title });
  for (const c of a.citations) if (!labels.has(c.source)) labels.set(c.source, named(c));
  for (const s of a.sources ?? []) if (!labels.has(s.source)) labels.set(s.source, named(s));
  const ids = [...labels.keys()].filter((id) => id.length > 3).sort((x, y) => y.length - x.length);
  // A text holds an id only where one begins: look there first (a timeline cites thousands of articles, and most texts hold no id).
  const firsts = new Set(ids.map((id) => id.charCodeAt(0)));
  const heads = new Set(ids.map((id) => id.slice(0, 4)));
  const mayHold = (t: string) => {
    for (let i = 0; i + 4 <= t.length; i++) if (firsts.has(t.charCodeAt(i)) && heads.has(t.slice(i, i + 4))) return true;
    return false;
  };
  const fix = (t: string): string => {
    if (!t) return t;
    let out = t;
    if (mayHold(t)) for (const id of ids) {
      if (!out.includes(id)) continue;
      out = out.split(`, ${id})`).join(')').split(` (${id})`).join('').split(`(${id})`).join('').split(id).join(labels.get(id)!);
    }
    return out.replace(FILE_NAME, 'another article');
  };
  // an article without a title of its own has its file name as title: show none
  const bare = (t: string, source: string) => (t === source || FILE_NAME_ONLY.test(t.trim()) ? '' : t);
  const out: Answer = {
    ...a,
    title: fix(a.title),
    citations: a.citations.map((c) => ({ ...c, title: bare(c.title, c.source) })),
    blocks: a.blocks.map((b) => ({ ...b, heading: b.heading === undefined ? undefined : fix(b.heading), text: fix(b.text) })),
    ...(a.notes ? { notes: a.notes.map(fix) } : {}),
    ...(a.events ? { events: a.events.map((e) => ({ ...e, text: fix(e.text), ...(e.note ? { note: fix(e.note) } : {}) })) } : {}),
    ...(a.sections ? { sections: a.sections.map((x) => ({ ...x, heading: fix(x.heading), text: fix(x.text) })) } : {}),
    ...(a.disagreements ? { disagreements: a.disagreements.map((d) => ({ topic: fix(d.topic), sides: d.sides.map((x) => ({ ...x, text: fix(x.text) })) })) } : {}),
    ...(a.sources ? { sources: a.sources.map((x) => ({ ...x, title: bare(x.title, x.source), overlapsWith: x.overlapsWith.map((o) => ({ ...o, source: labels.get(o.source) ?? fix(o.source) })) })) } : {}),
  };
  if (a.short) out.short = { ...a.short, text: fix(a.short.text) };
  readableCache.set(a, out);
  readableCache.set(out, out);
  return out;
}

// ---- compact cards ------------------------------------------------------------------------

/** What a first message may hold (title, description, footer), so it reads at a glance. */
export const CARD_BUDGET = 1500;
const MAX_LINK_BUTTON_URL = 512;
const MAX_CARD_QUOTES = 3;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** 2025-10-24 → "24 Oct 2025", 2025-08 → "Aug 2025", 2018 → "2018"; anything else unchanged. */
export function humanDate(d: string | null | undefined): string {
  if (!d) return '';
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(d);
  if (!m) return d;
  const [, y, mo, day] = m;
  const month = mo ? MONTHS[Number(mo) - 1] : undefined;
  if (!month) return y!;
  return day ? `${Number(day)} ${month} ${y}` : `${month} ${y}`;
}

/** The articles behind some citations, once each, in order of first citation. */
interface ArticleRef {
  source: string;
  ns: number[];
  title: string;
  outlet: string | null;
  date: string | null;
  url: string | null;
}

function articlesOf(cites: Citation[]): ArticleRef[] {
  const by = new Map<string, ArticleRef>();
  for (const c of [...cites].sort((x, y) => x.n - y.n)) {
    const r = by.get(c.source);
    if (r) r.ns.push(c.n);
    else by.set(c.source, { source: c.source, ns: [c.n], title: c.title, outlet: c.outlet, date: c.date, url: c.url });
  }
  return [...by.values()];
}

/** Whether `[n]` markers link to their articles: each article's URL once per message (they are long). */
type Links = false | Set<string>;

/** `[n]` markers, each a link to its article when it has a URL (not yet linked in this message). */
function linkedMarkers(ns: number[], byN: Map<number, Citation>, links: Links): string {
  return [...new Set(ns)]
    .map((n) => {
      const url = links ? safeUrl(byN.get(n)?.url ?? null) : null;
      if (!url || !links || links.has(url)) return `\\[${n}\\]`;
      links.add(url);
      return `\\[[${n}](${url})\\]`;
    })
    .join('');
}

/** Escaped text whose `[n]` markers are rendered as links (markers missing from the text are appended). */
function textWithLinks(text: string, cites: number[], byN: Map<number, Citation>, max: number, links: Links): string {
  const body = clip(escapeText(text.replace(/\s*\n\s*/g, ' ')), max);
  const present = new Set<number>();
  const linked = body.replace(/\\\[(\d+)\\\]/g, (m, d: string) => {
    const n = Number(d);
    if (!byN.has(n)) return m;
    present.add(n);
    return linkedMarkers([n], byN, links);
  });
  const missing = [...new Set(cites)].filter((n) => byN.has(n) && !present.has(n));
  return missing.length ? `${linked} ${linkedMarkers(missing, byN, links)}` : linked;
}

/** One line per article: its markers, title, outlet and date (never its file name). */
function sourceLines(refs: ArticleRef[]): string {
  return refs
    .map((r) => {
      const title = escapeText(clip(r.title || 'Untitled article', 110));
      const meta = [r.outlet && escapeText(clip(r.outlet, MAX_OUTLET)), humanDate(r.date)].filter(Boolean).join(' · ');
      return `**${r.ns.map((n) => `[${n}]`).join('')}** ${title}${meta ? ` — ${meta}` : ''}`;
    })
    .join('\n');
}

/** "**Sources**" and one line per article, as many as `room` holds; the rest are named behind Quotes. */
function sourcesSection(refs: ArticleRef[], room: number): string {
  let text = '';
  let listed = 0;
  for (const r of refs) {
    const line = sourceLines([r]);
    if (text.length + line.length + 1 > room - 80) break;
    text += (text ? '\n' : '') + line;
    listed++;
  }
  const more = refs.length - listed;
  if (more) text += `${text ? '\n' : ''}-# …and ${more} more article${more === 1 ? '' : 's'}: see **Quotes**.`;
  return `**Sources**\n${text}`;
}

/** A card's description: its body (bounded), then its sources within what the embed has left. */
function withSources(parts: string[], refs: ArticleRef[]): string {
  const body = clip(parts.join('\n\n'), 3000);
  if (!refs.length) return body;
  return `${body}\n\n${sourcesSection(refs, LIMITS.embedDescription - body.length - 2)}`;
}

/** Link buttons (style 5) to the articles that have URLs, five to a row, at most `maxRows` rows. */
function linkRows(refs: ArticleRef[], maxRows: number): APIActionRowComponent<APIButtonComponent>[] {
  const seen = new Set<string>();
  const buttons: APIButtonComponent[] = [];
  const labels = new Map<string, number>();
  for (const r of refs) {
    const url = r.url && r.url.length <= MAX_LINK_BUTTON_URL && /^https?:\/\/[^\s]+$/i.test(r.url) ? r.url : null;
    if (!url || seen.has(url)) continue;
    seen.add(url);
    let label = clip((r.outlet ?? shortTitle(r.title || 'Article', 40)).replace(/\s+/g, ' ').trim() || 'Article', 60);
    const k = labels.get(label) ?? 0;
    labels.set(label, k + 1);
    if (k) label = `${label}${r.date ? ` · ${humanDate(r.date)}` : ` (${k + 1})`}`;
    buttons.push({ type: ComponentType.Button, style: ButtonStyle.Link, url, label: clip(label, LIMITS.label) });
  }
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  for (let i = 0; i < buttons.length && rows.length < maxRows; i += LIMITS.buttonsPerRow) rows.push(row(buttons.slice(i, i + LIMITS.buttonsPerRow)));
  return rows;
}

const cardSize = (e: APIEmbed) => embedSize(e);

/** "Quotes", "Ask a follow-up", then the link rows, then suggested follow-ups: ≤ 5 rows. */
function cardComponents(
  a: Answer,
  ctx: RenderContext,
  refs: ArticleRef[],
  opts: { quotes?: string | null; full?: boolean; extra?: APIButtonComponent[]; followUps?: number[] },
): APIActionRowComponent<APIButtonComponent>[] {
  const rows: APIActionRowComponent<APIButtonComponent>[] = [];
  const first: APIButtonComponent[] = [];
  if (ctx.key && opts.quotes) first.push(button(`q:${ctx.key}`, opts.quotes, ButtonStyle.Secondary));
  if (ctx.key && opts.full) first.push(button(`x:${ctx.key}`, 'Full answer', ButtonStyle.Secondary));
  first.push(...(opts.extra ?? []));
  if (ctx.channelId && ctx.userId) first.push(button(`m:${ctx.channelId}:${ctx.userId}`, 'Ask a follow-up', ButtonStyle.Primary));
  for (let i = 0; i < first.length; i += LIMITS.buttonsPerRow) rows.push(row(first.slice(i, i + LIMITS.buttonsPerRow)));
  const follow = ctx.key ? (opts.followUps ?? a.followUps.map((_, i) => i)).filter((i) => a.followUps[i]).slice(0, MAX_FOLLOW_UP_BUTTONS) : [];
  const links = linkRows(refs, LIMITS.rows - rows.length - (follow.length ? 1 : 0));
  rows.push(...links);
  if (follow.length) rows.push(row(follow.map((i) => button(`f:${ctx.key}:${i}`, a.followUps[i]!, ButtonStyle.Secondary))));
  return rows;
}

/** Citation numbers an /ask card shows in full (the Quotes button shows the rest). */
export function askCardQuotes(answer: Answer): number[] {
  return askLayout(readable(answer)).full;
}

interface AskLayout {
  description: string;
  /** Citations quoted in full on the card. */
  full: number[];
  /** Citations the card refers to (for its Sources lines and link buttons). */
  shown: number[];
  /** Prose the card shortened: the whole answer is behind "Full answer". */
  clipped: boolean;
}

const askLayoutCache = new WeakMap<Answer, AskLayout>();

function askLayout(a: Answer): AskLayout {
  const hit = askLayoutCache.get(a);
  if (hit) return hit;
  const byN = new Map(a.citations.map((c) => [c.n, c]));
  const quoteBlocks = a.blocks.filter((b) => b.quote !== undefined && byN.has(b.quote));
  const others = a.blocks.filter((b) => !quoteBlocks.includes(b));
  const topVoices = Math.max(0, ...quoteBlocks.map((b) => b.independent ?? 0));
  const attempt = (quoteMax: number, nQuotes: number, linking: boolean, otherMax: number): AskLayout => {
    const links: Links = linking && new Set<string>();
    const parts: string[] = [];
    const shown: number[] = [];
    const full: number[] = [];
    if (a.short?.text) {
      parts.push(`**${textWithLinks(a.short.text, a.short.cites, byN, 400, links)}**`);
      shown.push(...a.short.cites.filter((n) => byN.has(n)));
    }
    // Prose without a quote of its own (a refusal, a model's answer) reads first; headed extras after the quotes.
    const plain = others.filter((b) => !b.heading);
    const headed = others.filter((b) => b.heading);
    let clipped = false;
    const prose = (b: AnswerBlock) => {
      // The short answer opens the first block's text (for plain-text readers); the card has shown it already.
      const text = a.short?.text && b.text.startsWith(a.short.text) ? b.text.slice(a.short.text.length).trimStart() : b.text;
      if (escapeText(text.replace(/\s*\n\s*/g, ' ')).length > otherMax) clipped = true;
      return textWithLinks(text, b.cites, byN, otherMax, links);
    };
    for (const b of plain) {
      parts.push(prose(b));
      shown.push(...b.cites.filter((n) => byN.has(n)));
    }
    let voicesSaid = false;
    for (const b of quoteBlocks.slice(0, nQuotes)) {
      const c = byN.get(b.quote!)!;
      const q = escapeText(c.quote.replace(/\s*\n\s*/g, ' '));
      const quote = clip(q, quoteMax);
      if (quote === q) full.push(c.n);
      const also = b.cites.filter((n) => n !== c.n && byN.has(n));
      const meta = [articleLabel(c) && escapeText(clip(articleLabel(c), MAX_OUTLET)), humanDate(c.date)].filter(Boolean).join(', ');
      const extra: string[] = [];
      if (also.length) extra.push(`same words in ${linkedMarkers(also, byN, links)}`);
      if (!voicesSaid && (b.independent ?? 0) >= 2 && b.independent === topVoices) {
        extra.push(`reported by ${b.independent} independent outlets`);
        voicesSaid = true;
      }
      parts.push(`> “${quote}” ${linkedMarkers([c.n], byN, links)}\n-# — ${meta}${extra.length ? ` · ${extra.join(' · ')}` : ''}`);
      shown.push(c.n, ...also);
    }
    for (const b of headed) {
      parts.push(`**${escapeText(clip(b.heading!, 120))}**\n${prose(b)}`);
      shown.push(...b.cites.filter((n) => byN.has(n)));
    }
    const rest = quoteBlocks.length - Math.min(nQuotes, quoteBlocks.length);
    if (rest > 0) parts.push(`-# ${rest} more quote${rest === 1 ? '' : 's'} behind **Quotes**.`);
    for (const n of a.notes ?? []) parts.push(`-# ${clip(escapeText(n).replace(/\n/g, ' '), 300)}`);
    const refs = articlesOf(a.citations.filter((c) => shown.includes(c.n)));
    return { description: withSources(parts, refs), full, shown: [...new Set(shown)], clipped };
  };
  const room = CARD_BUDGET - titleOf(a).length;
  const tries: [number, number, boolean, number][] = [
    [400, MAX_CARD_QUOTES, true, 500],
    [300, MAX_CARD_QUOTES, true, 400],
    [400, MAX_CARD_QUOTES, false, 400],
    [240, MAX_CARD_QUOTES, true, 300],
    [240, MAX_CARD_QUOTES, false, 300],
    [160, 2, false, 250],
    [140, 1, false, 200],
  ];
  let out = attempt(...tries[0]!);
  for (const t of tries.slice(1)) {
    if (out.description.length <= room) break;
    out = attempt(...t);
  }
  if (out.description.length > LIMITS.embedDescription) out = { ...out, description: clip(out.description.split('\n**Sources**')[0]!, LIMITS.embedDescription) };
  askLayoutCache.set(a, out);
  return out;
}

/** /ask: the question, the short answer, at most three quotes with one line of attribution each, sources once per article. */
function askCard(a: Answer, ctx: RenderContext): MessagePayload {
  const layout = askLayout(a);
  const embed: APIEmbed = { color: colorOf(a), title: titleOf(a), description: layout.description || (a.answered ? 'No answer.' : 'The articles do not answer that.') };
  const more = a.citations.filter((c) => !layout.full.includes(c.n)).length;
  const refs = articlesOf(a.citations.filter((c) => layout.shown.includes(c.n)));
  return {
    embeds: [embed],
    components: cardComponents(a, ctx, refs, { quotes: more ? (layout.full.length ? `More quotes (${more})` : 'Quotes') : null, full: layout.clipped }),
  };
}

/** /who: who they are, three cited facts, what they said; more quotes, their timeline and related people behind buttons. */
function whoCard(a: Answer, ctx: RenderContext): MessagePayload {
  const byN = new Map(a.citations.map((c) => [c.n, c]));
  const e = a.entity!;
  const heading = (h: string) => a.blocks.find((b) => b.heading === h);
  const bullets = (b: AnswerBlock | undefined) =>
    (b?.text ?? '')
      .split('\n')
      .filter((l) => l.startsWith('• '))
      .map((l) => l.slice(2));
  const citesIn = (t: string) => [...t.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])).filter((n) => byN.has(n));
  const build = (lineMax: number, nFacts: number, nSaid: number, linking: boolean) => {
    const links: Links = linking && new Set<string>();
    const parts: string[] = [];
    const shown: number[] = [];
    const add = (text: string, max: number) => {
      shown.push(...citesIn(text));
      return textWithLinks(text, [], byN, max, links);
    };
    const aliases = e.aliases.slice(0, 3);
    parts.push(`*${e.kind}*${aliases.length ? ` · also: ${aliases.map((x) => escapeText(clip(x, 40))).join(', ')}` : ''}`);
    const summary = heading('Summary');
    const profile = a.blocks.find((b) => b.heading === e.name) ?? a.blocks.find((b) => !b.heading);
    if (summary) parts.push(add(summary.text, 500));
    else if (profile) parts.push(profile.text.split('\n').map((l) => add(l, 300)).join('\n'));
    const described = bullets(heading('Described as')).slice(0, 4);
    if (described.length) parts.push(`**Described as** ${described.map((d) => add(d, 80)).join(' · ')}`);
    const age = bullets(heading('Age')).slice(0, 1);
    if (age.length) parts.push(`**Age** ${add(age[0]!, 160)}`);
    const facts = bullets(heading('What they did')).slice(0, nFacts);
    if (facts.length) parts.push(`**What they did**\n${facts.map((f) => `• ${add(f, lineMax)}`).join('\n')}`);
    const said = bullets(heading('What they said')).slice(0, nSaid);
    if (said.length) parts.push(`**What they said**\n${said.map((f) => `• ${add(f, lineMax)}`).join('\n')}`);
    for (const n of a.notes ?? []) parts.push(`-# ${clip(escapeText(n).replace(/\n/g, ' '), 300)}`);
    const refs = articlesOf(a.citations.filter((c) => shown.includes(c.n)));
    return { description: withSources(parts, refs), refs };
  };
  const room = CARD_BUDGET - titleOf(a).length;
  let out = build(260, 3, 2, true);
  for (const [lineMax, nFacts, nSaid, links] of [[200, 3, 2, true], [160, 3, 2, false], [140, 2, 2, false], [120, 2, 1, false]] as const) {
    if (out.description.length <= room) break;
    out = build(lineMax, nFacts, nSaid, links);
  }
  if (out.description.length > LIMITS.embedDescription) out.description = clip(out.description, LIMITS.embedDescription);
  const timeline = a.followUps.findIndex((f) => /^\/timeline\b/.test(f));
  const extra: APIButtonComponent[] = timeline >= 0 && ctx.key ? [button(`f:${ctx.key}:${timeline}`, 'Timeline', ButtonStyle.Secondary)] : [];
  const related = a.followUps.map((_, i) => i).filter((i) => i !== timeline);
  return {
    embeds: [{ color: colorOf(a), title: titleOf(a), description: out.description }],
    components: cardComponents(a, ctx, out.refs, { quotes: a.citations.length ? 'More quotes' : null, full: true, extra, followUps: related }),
  };
}

/**
 * /verify and /compare: the verdict or the disagreements first, in the verdict's colour;
 * blocks as long as the card has room, the whole answer behind "Full answer".
 */
function compactCard(a: Answer, ctx: RenderContext): MessagePayload {
  const byN = new Map(a.citations.map((c) => [c.n, c]));
  const room = CARD_BUDGET - titleOf(a).length - 420;
  const build = (blockMax: number, linking: boolean) => {
    const links: Links = linking && new Set<string>();
    const parts: string[] = [];
    const shown: number[] = [];
    let used = 0;
    let left = 0;
    for (const [i, b] of a.blocks.entries()) {
      // blocks in order while there is room (a block may lose its last lines); the first (the verdict
      // or the summary) always shows; the rest is behind "Full answer"
      if (i > 0 && (left || used > room * 0.75)) {
        left++;
        continue;
      }
      const head = b.heading ? `**${escapeText(clip(b.heading, 200))}**\n` : '';
      const lines: string[] = [];
      let size = 0;
      const raw = b.text.split('\n');
      for (const [k, l] of raw.entries()) {
        const own = /\[\d+\]/.test(l) ? [] : k === raw.length - 1 && !/\[\d+\]/.test(b.text) ? b.cites : [];
        const line = textWithLinks(l, own, byN, blockMax, links);
        if (lines.length && used + head.length + size + line.length + 3 > room) break;
        lines.push(line);
        size += line.length + 1;
        shown.push(...[...l.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])), ...own);
      }
      if (lines.length < raw.length) left++;
      const part = `${head}${lines.join('\n')}`;
      parts.push(part);
      used += part.length + 2;
    }
    if (left) parts.push('-# More in **Full answer**.');
    for (const n of a.notes ?? []) parts.push(`-# ${clip(escapeText(n).replace(/\n/g, ' '), 300)}`);
    const refs = articlesOf(a.citations.filter((c) => shown.includes(c.n)));
    return { description: withSources(parts, refs), refs, left };
  };
  let out = build(400, true);
  for (const [blockMax, links] of [[300, true], [220, false], [160, false]] as const) {
    if (out.description.length <= CARD_BUDGET - titleOf(a).length) break;
    out = build(blockMax, links);
  }
  if (out.description.length > LIMITS.embedDescription) out.description = clip(out.description, LIMITS.embedDescription);
  if (!a.blocks.length && !out.description) out.description = a.answered ? 'No answer.' : 'The articles do not answer that.';
  return {
    embeds: [{ color: colorOf(a), title: titleOf(a), description: out.description }],
    components: cardComponents(a, ctx, out.refs, { quotes: a.citations.length ? 'Quotes' : null, full: out.left > 0 }),
  };
}

// ---- timeline pages -------------------------------------------------------------------

const MAX_EVENTS_PER_PAGE = 8;
/** A page's event lines and sources stay about this long, so a page reads at a glance. */
const PAGE_BUDGET = 1700;
const MAX_EVENT_LINE = 220;

/** Events in the order pages show them: the story's events, then background (years before it) apart. */
function timelineOrder(a: Answer): number[] {
  const events = a.events ?? [];
  const idx = events.map((_, i) => i);
  return [...idx.filter((i) => !events[i]!.background), ...idx.filter((i) => events[i]!.background)];
}

/** "**24 Oct 2025** — <event> [3]": one short dated line (the full quote is behind Quotes). */
function shortEventLine(e: NonNullable<Answer['events']>[number]): string {
  const when = e.date ? humanDate(e.date) : 'Undated';
  // a short plain note ("year inferred") stays; "date not given" is what "Undated" says, and long
  // notes about how a date was read are the footnote's
  const note = e.note && e.note.length <= 30 && !/not given/.test(e.note) ? ` *(${escapeText(e.note)})*` : '';
  // as withMarkers(text on one line, …): a marker is never split by a line break, so it is looked for in the text as is
  const missing = [...new Set(e.citations)].filter((n) => !e.text.includes(`[${n}]`));
  const body = eventBody(e.text);
  return `**${escapedOnce(eventDates, when, escapeText)}** — ${missing.length ? `${body} ${markers(missing)}` : body}${note}`;
}

/**
 * Text escaped (once per distinct text: bounded, cleared when full). The page split writes every
 * kept event's line (thousands for a topic at 10,000 articles) to show one page; escaping was most
 * of that, and an event's text and date are the same strings on every call.
 */
function escapedOnce(memo: Map<string, string>, text: string, make: (t: string) => string): string {
  let out = memo.get(text);
  if (out === undefined) {
    if (memo.size >= 50_000) memo.clear();
    out = make(text);
    memo.set(text, out);
  }
  return out;
}
const eventBodies = new Map<string, string>();
const eventDates = new Map<string, string>();
const sourceLineMemo = new Map<string, string>();
/** An event's text on one line, escaped and clipped for its line. */
const eventBody = (text: string) => escapedOnce(eventBodies, text, (t) => clip(escapeText(t.replace(/\s*\n\s*/g, ' ')), MAX_EVENT_LINE));

/** Pages of a timeline: each page is one message with its events (indexes into `events`) and the citations they use. */
export function timelinePages(answer: Answer): { events: number[]; cites: number[] }[] {
  const a = readable(answer);
  const cached = pageCache.get(a);
  if (cached) return cached;
  const pages = computePages(a);
  pageCache.set(a, pages);
  return pages;
}

// paging a stashed answer re-renders it per click; the page split is the costly part
const pageCache = new WeakMap<Answer, { events: number[]; cites: number[] }[]>();

function computePages(a: Answer): { events: number[]; cites: number[] }[] {
  const events = a.events ?? [];
  const byN = new Map(a.citations.map((c) => [c.n, c]));
  const pages: { events: number[]; cites: number[] }[] = [];
  let page = { events: [] as number[], cites: [] as number[] };
  let size = 0;
  const sources = pageSources(a.citations, byN);
  for (const i of timelineOrder(a)) {
    const e = events[i]!;
    const line = shortEventLine(e).length + 2;
    const grown = size + line;
    if (page.events.length && (page.events.length >= MAX_EVENTS_PER_PAGE || grown + sources.sizeWith(e.citations) > PAGE_BUDGET)) {
      pages.push(page);
      page = { events: [], cites: [] };
      size = 0;
      sources.clear();
    }
    page.events.push(i);
    size += line;
    for (const n of e.citations) if (byN.has(n) && !page.cites.includes(n)) page.cites.push(n);
    sources.add(e.citations);
  }
  if (page.events.length) pages.push(page);
  // citations no event refers to are listed on the last page (never dropped silently)
  const used = new Set(pages.flatMap((p) => p.cites));
  const unused = a.citations.filter((c) => !used.has(c.n)).map((c) => c.n);
  if (unused.length) {
    if (!pages.length) pages.push({ events: [], cites: [] });
    pages[pages.length - 1]!.cites.push(...unused);
  }
  return pages.length ? pages : [{ events: [], cites: [] }];
}

/**
 * The length of a page's source lines (`sourceLines(articlesOf(cites))`) as the page grows, kept
 * as sums instead of writing the lines again for every event considered: one line per article,
 * `**[n][m]** title — meta`, joined by newlines. Each article's title and meta are escaped once.
 * When one article's citations carry different titles or dates the lines are written out.
 */
function pageSources(citations: Citation[], byN: Map<number, Citation>) {
  const firstOf = new Map<string, Citation>();
  let uniform = true;
  for (const c of citations) {
    const f = firstOf.get(c.source);
    if (!f) firstOf.set(c.source, c);
    else if (f.title !== c.title || f.outlet !== c.outlet || f.date !== c.date) uniform = false;
  }
  const fixed = new Map<string, number>();
  const fixedOf = (source: string) => {
    let n = fixed.get(source);
    if (n === undefined) {
      // the article's line with no markers: `** title — meta` and the `**` around them
      const c = firstOf.get(source)!;
      n = escapedOnce(sourceLineMemo, `${c.title}\u0000${c.outlet ?? ''}\u0000${c.date ?? ''}`, () => sourceLines([{ ...c, ns: [] }])).length;
      fixed.set(source, n);
    }
    return n;
  };
  const markerLen = (n: number) => String(n).length + 2;
  let cites = new Set<number>();
  let articles = new Map<string, number>();
  let sum = 0;
  return {
    clear() {
      cites = new Set();
      articles = new Map();
      sum = 0;
    },
    /** The source lines' length once `more` joins the page. */
    sizeWith(more: number[]): number {
      if (!uniform) return sourceLines(articlesOf([...new Set([...cites, ...more.filter((n) => byN.has(n))])].map((n) => byN.get(n)!))).length;
      let total = sum;
      let count = articles.size;
      const newCites = new Set<number>();
      const newArticles = new Set<string>();
      for (const n of more) {
        const c = byN.get(n);
        if (!c || cites.has(n) || newCites.has(n)) continue;
        newCites.add(n);
        total += markerLen(n);
        if (!articles.has(c.source) && !newArticles.has(c.source)) {
          newArticles.add(c.source);
          total += fixedOf(c.source);
          count++;
        }
      }
      return count ? total + count - 1 : 0;
    },
    add(more: number[]) {
      for (const n of more) {
        const c = byN.get(n);
        if (!c || cites.has(n)) continue;
        cites.add(n);
        sum += markerLen(n);
        if (!articles.has(c.source)) {
          articles.set(c.source, 1);
          sum += fixedOf(c.source);
        }
      }
    },
  };
}

/** The citations whose quotes the Quotes button shows: a timeline page's own, an /ask card's not shown in full, else all. */
export function quoteScope(answer: Answer, page?: number): number[] | undefined {
  const a = readable(answer);
  if (a.events?.length && page !== undefined) {
    const pages = timelinePages(a);
    return pages[Math.max(0, Math.min(page, pages.length - 1))]!.cites;
  }
  if (a.command === 'ask') {
    const full = new Set(askCardQuotes(a));
    const rest = a.citations.filter((c) => !full.has(c.n)).map((c) => c.n);
    return rest.length ? rest : undefined;
  }
  return undefined;
}

/**
 * A timeline answer: one page (a single message) of short dated lines, background
 * apart, the page's sources once per article; ◀ ▶ as custom ids `t:<key>:<page>`
 * (`…:<user>` on a user's own copy), Quotes for that page. Answers without events
 * render like any other.
 */
export function renderTimeline(answer: Answer, page: number, ctx: RenderContext = {}): MessagePayload[] {
  const a = readable(answer);
  if (!a.events?.length) return renderAnswer(a, ctx);
  const pages = timelinePages(a);
  const p = Math.max(0, Math.min(page, pages.length - 1));
  const { events, cites } = pages[p]!;
  const color = colorOf(a);
  const title = clip(`${titleOf(a)}${pages.length > 1 ? ` — page ${p + 1}/${pages.length}` : ''}`, LIMITS.embedTitle);
  const byN = new Map(a.citations.map((c) => [c.n, c]));
  const lines: string[] = [];
  events.forEach((i, k) => {
    const e = a.events![i]!;
    if (e.background && (k === 0 || !a.events![events[k - 1]!]!.background)) lines.push('**Background** — before the story');
    lines.push(shortEventLine(e));
  });
  const head = lines.join('\n\n') || '*(sources continued)*';
  const refs = articlesOf(cites.map((n) => byN.get(n)!));
  // sources once per article, as many as the embed has room for; the rest are named behind Quotes
  let description = `${head}\n\n${sourcesSection(refs, LIMITS.embedDescription - head.length - 400)}`;
  // notes (degraded memory, inferred dates) ride on the first page as a footnote when they fit
  const notes = (a.notes ?? []).filter((n) => !/^Page \d+ of \d+/.test(n)).map((n) => `-# ${clip(escapeText(n).replace(/\n/g, ' '), 600)}`).join('\n');
  if (p === 0 && notes && description.length + notes.length + 2 + title.length <= LIMITS.embedDescription) description += `\n\n${notes}`;
  const embeds: APIEmbed[] = [{ color, title, description: clip(description, LIMITS.embedDescription) }];
  const nav: APIButtonComponent[] = [];
  const own = ctx.pager ? `:${ctx.pager}` : '';
  if (ctx.key && pages.length > 1) {
    nav.push(button(`t:${ctx.key}:${p - 1}${own}`, '◀', ButtonStyle.Secondary, p === 0));
    nav.push(button(`t:${ctx.key}:${p + 1}${own}`, '▶', ButtonStyle.Secondary, p === pages.length - 1));
  }
  if (ctx.key && cites.length) nav.push(button(`q:${ctx.key}:${p}`, 'Quotes', ButtonStyle.Secondary));
  const components: APIActionRowComponent<APIButtonComponent>[] = nav.length ? [row(nav)] : [];
  components.push(...linkRows(refs, 1));
  return [{ embeds, components }];
}

// ---- quotes, errors ------------------------------------------------------------------

/** The verbatim quotes behind an answer (shown ephemerally by the Quotes button); `only`: just these citations. */
export function renderQuotes(answer: Answer, only?: number[]): MessagePayload[] {
  const a = readable(answer);
  const scope = only ? new Set(only) : undefined;
  const cites = a.citations.filter((c) => !scope || scope.has(c.n));
  if (!cites.length) return [{ content: 'This answer has no quotes.', embeds: [], components: [] }];
  const items: Item[] = [];
  for (const c of [...cites].sort((x, y) => x.n - y.n)) {
    const src = [escapeText(clip(c.title || 'Untitled article', MAX_TITLE_IN_CITE)), c.outlet && escapeText(clip(c.outlet, MAX_OUTLET)), humanDate(c.date)]
      .filter(Boolean)
      .join(' · ');
    const pieces = splitText(escapeText(c.quote), TEXT_CHUNK);
    pieces.forEach((piece, i) => {
      const head = i === 0 ? `**[${c.n}]** ` : `**[${c.n}]** *(continued)* `;
      items.push({ kind: 'body', text: `${head}${piece}${i === pieces.length - 1 ? `\n-# ${src}` : ''}` });
    });
  }
  return pack(items, { body: 'Quotes', cites: '' }, COLOR.answered);
}

/** A short error (ephemeral at the call site). */
export function renderError(message: string): MessagePayload {
  return { content: clip(noMassPing(message), LIMITS.content), embeds: [], components: [] };
}

// ---- limit checks ----------------------------------------------------------------------

/** Every way `p` breaks a Discord limit (empty when it is valid). Used by tests and as a last guard. */
export function payloadViolations(p: MessagePayload): string[] {
  const v: string[] = [];
  if ((p.content?.length ?? 0) > LIMITS.content) v.push(`content ${p.content!.length} > ${LIMITS.content}`);
  if (!p.content && !p.embeds.length) v.push('empty message');
  if (p.embeds.length > LIMITS.embedsPerMessage) v.push(`${p.embeds.length} embeds`);
  let total = 0;
  p.embeds.forEach((e, i) => {
    if ((e.title?.length ?? 0) > LIMITS.embedTitle) v.push(`embed ${i} title ${e.title!.length}`);
    if ((e.description?.length ?? 0) > LIMITS.embedDescription) v.push(`embed ${i} description ${e.description!.length}`);
    if ((e.fields?.length ?? 0) > LIMITS.fields) v.push(`embed ${i} fields ${e.fields!.length}`);
    for (const f of e.fields ?? []) {
      if (f.name.length > LIMITS.fieldName || f.value.length > LIMITS.fieldValue) v.push(`embed ${i} field too long`);
    }
    if ((e.footer?.text.length ?? 0) > LIMITS.footer) v.push(`embed ${i} footer`);
    if ((e.author?.name.length ?? 0) > LIMITS.author) v.push(`embed ${i} author`);
    if (!e.title && !e.description && !e.fields?.length) v.push(`embed ${i} empty`);
    total += embedSize(e);
  });
  if (total > LIMITS.embedTotal) v.push(`embeds total ${total} > ${LIMITS.embedTotal}`);
  if (p.components.length > LIMITS.rows) v.push(`${p.components.length} rows`);
  const ids = new Set<string>();
  for (const r of p.components) {
    if (r.components.length > LIMITS.buttonsPerRow || r.components.length === 0) v.push(`row of ${r.components.length}`);
    for (const b of r.components) {
      if ('custom_id' in b) {
        if (b.custom_id.length < 1 || b.custom_id.length > LIMITS.customId) v.push(`custom_id ${b.custom_id.length}`);
        if (ids.has(b.custom_id)) v.push(`duplicate custom_id ${b.custom_id}`);
        ids.add(b.custom_id);
      }
      if ('label' in b && b.label && b.label.length > LIMITS.label) v.push(`label ${b.label.length}`);
    }
  }
  return v;
}
