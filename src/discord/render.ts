/**
 * Answer → Discord message payloads. Pure: no client, no I/O, so it can be
 * property-tested against every limit in DISCORD.md. Long answers are split over
 * several embeds and messages; citations are never dropped (a long title or URL is
 * shortened visibly, but every numbered citation is listed). Article text is
 * markdown-escaped so it shows verbatim and cannot format, link or ping.
 */
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from 'discord.js';
import type { Answer, Citation } from '../types.js';

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
}

const COLOR = { answered: 0x2f6fdf, unanswered: 0x8a8f98 } as const;
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

/** Escape Discord markdown so article text shows verbatim (and `<@id>`, `<t:…>` stay literal). */
export function escapeText(text: string): string {
  return text
    .replace(/([\\*_~`|[\]])/g, '\\$1')
    .replace(/^(\s*)([>#-])/gm, '$1\\$2')
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
  const title = escapeText(clip(c.title || c.source, MAX_TITLE_IN_CITE));
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
  const title = escapeText(clip(s.title || s.source, MAX_TITLE_IN_CITE));
  const meta = [s.outlet && escapeText(clip(s.outlet, MAX_OUTLET)), s.date ?? 'undated', s.author && escapeText(clip(s.author, 80)), `${s.words} words`]
    .filter(Boolean)
    .join(' · ');
  const lines = [`**${url ? `[${title}](${url})` : title}**`, meta, `\`${s.source.replace(/`/g, '')}\``];
  if (s.cites.length) lines.push(`attributes claims to: ${s.cites.map((x) => escapeText(clip(x, 60))).join(', ')}`);
  if (s.overlapsWith.length) {
    lines.push(`overlaps: ${s.overlapsWith.map((o) => `${escapeText(o.source)} (${Math.round(o.share * 100)}%)`).join(', ')}`);
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

/** Render a whole answer as one or more messages; components go on the last one. */
export function renderAnswer(a: Answer, ctx: RenderContext = {}): MessagePayload[] {
  const color = a.answered ? COLOR.answered : COLOR.unanswered;
  const items: Item[] = bodyItems(a).map((text) => ({ kind: 'body' as const, text }));
  for (const c of [...a.citations].sort((x, y) => x.n - y.n)) items.push({ kind: 'cites', text: citationLine(c) });
  const messages = pack(items, { body: titleOf(a), cites: `Sources (${a.citations.length})` }, color);
  if (!messages.length) messages.push({ embeds: [{ color, title: titleOf(a), description: 'No answer.' }], components: [] });
  messages[messages.length - 1]!.components = answerComponents(a, ctx);
  return messages;
}

// ---- timeline pages -------------------------------------------------------------------

/** Pages of a timeline: each page is one message with its events and the citations they use. */
export function timelinePages(a: Answer): { events: number[]; cites: number[] }[] {
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
  const shown = new Set<number>();
  const pages: { events: number[]; cites: number[] }[] = [];
  let page = { events: [] as number[], cites: [] as number[] };
  let eventsLen = 0;
  let total = TITLE_ROOM;
  let citeEmbeds = 0;
  let citeLen = 0;
  const fresh = () => {
    if (page.events.length || page.cites.length) pages.push(page);
    page = { events: [], cites: [] };
    eventsLen = 0;
    total = TITLE_ROOM;
    citeEmbeds = 0;
    citeLen = 0;
  };
  // accounts a citation line into the page's cite embeds; false when it does not fit
  const fitsCite = (len: number, commit: boolean): boolean => {
    let embeds = citeEmbeds;
    let cur = citeLen;
    if (embeds === 0 || cur + 2 + len > LIMITS.embedDescription) {
      embeds++;
      cur = len;
    } else cur += 2 + len;
    if (1 + embeds > LIMITS.embedsPerMessage || total + len + 2 > LIMITS.embedTotal) return false;
    if (commit) {
      citeEmbeds = embeds;
      citeLen = cur;
      total += len + 2;
    }
    return true;
  };
  events.forEach((e, i) => {
    const line = eventLine(e);
    const newCites = [...new Set(e.citations)].filter((n) => byN.has(n) && !shown.has(n) && !page.cites.includes(n));
    const citeLens = newCites.map((n) => citationLine(byN.get(n)!).length + 2);
    const need = line.length + 2 + citeLens.reduce((s, x) => s + x, 0);
    const fitsHere = eventsLen + line.length + 2 <= LIMITS.embedDescription && total + need <= LIMITS.embedTotal - 200 && page.events.length < 10;
    if (!fitsHere && (page.events.length || page.cites.length)) fresh();
    page.events.push(i);
    eventsLen += line.length + 2;
    total += line.length + 2;
    for (const n of newCites) {
      const len = citationLine(byN.get(n)!).length;
      if (!fitsCite(len, true)) {
        // one event citing more than a page can list: continue its citations on the next page
        fresh();
        fitsCite(len, true);
      }
      page.cites.push(n);
      shown.add(n);
    }
  });
  // citations no event refers to still get listed (never dropped silently)
  for (const c of a.citations) {
    if (shown.has(c.n)) continue;
    const len = citationLine(c).length;
    if (!fitsCite(len, true)) {
      fresh();
      fitsCite(len, true);
    }
    page.cites.push(c.n);
    shown.add(c.n);
  }
  fresh();
  return pages.length ? pages : [{ events: [], cites: [] }];
}

/**
 * A timeline answer: one page (a single message with ◀ ▶ as custom ids
 * `t:<key>:<page>`, plus Quotes); answers without events render like any other.
 */
export function renderTimeline(a: Answer, page: number, ctx: RenderContext = {}): MessagePayload[] {
  if (!a.events?.length) return renderAnswer(a, ctx);
  const pages = timelinePages(a);
  const p = Math.max(0, Math.min(page, pages.length - 1));
  const { events, cites } = pages[p]!;
  const color = a.answered ? COLOR.answered : COLOR.unanswered;
  const title = clip(`${titleOf(a)}${pages.length > 1 ? ` — page ${p + 1}/${pages.length}` : ''}`, LIMITS.embedTitle);
  const byN = new Map(a.citations.map((c) => [c.n, c]));
  const head = events.map((i) => eventLine(a.events![i]!)).join('\n\n');
  const embeds: APIEmbed[] = [{ color, title, description: head || '*(citations continued)*' }];
  let cur: APIEmbed | null = null;
  for (const n of cites) {
    const line = citationLine(byN.get(n)!);
    if (!cur || cur.description!.length + 1 + line.length > LIMITS.embedDescription) {
      cur = { color, description: line };
      if (embeds.length === 1) cur.title = 'Sources';
      embeds.push(cur);
    } else cur.description += '\n' + line;
  }
  const components: APIActionRowComponent<APIButtonComponent>[] = [];
  const nav: APIButtonComponent[] = [];
  if (ctx.key && pages.length > 1) {
    nav.push(button(`t:${ctx.key}:${p - 1}`, '◀', ButtonStyle.Secondary, p === 0));
    nav.push(button(`t:${ctx.key}:${p + 1}`, '▶', ButtonStyle.Secondary, p === pages.length - 1));
  }
  if (ctx.key && a.citations.length) nav.push(button(`q:${ctx.key}`, 'Quotes', ButtonStyle.Secondary));
  if (nav.length) components.push(row(nav));
  const msg: MessagePayload = { embeds, components };
  // notes (degraded memory, fallbacks) ride on the first page when they fit
  const notes = (a.notes ?? []).filter((n) => !/^Page \d+ of \d+/.test(n)).map((n) => `-# ${escapeText(n).replace(/\n/g, ' ')}`).join('\n');
  if (p === 0 && notes) {
    const before = embeds[0]!.description!;
    embeds[0]!.description = `${before}\n\n${notes}`;
    if (payloadViolations(msg).length) embeds[0]!.description = before;
  }
  return [msg];
}

// ---- quotes, errors ------------------------------------------------------------------

/** The verbatim quotes behind an answer (shown ephemerally by the Quotes button). */
export function renderQuotes(a: Answer): MessagePayload[] {
  if (!a.citations.length) return [{ content: 'This answer has no quotes.', embeds: [], components: [] }];
  const items: Item[] = [];
  for (const c of [...a.citations].sort((x, y) => x.n - y.n)) {
    const src = [escapeText(clip(c.title || c.source, MAX_TITLE_IN_CITE)), c.outlet && escapeText(clip(c.outlet, MAX_OUTLET)), c.date]
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
