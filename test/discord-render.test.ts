/**
 * Property tests for the Discord renderer: for random answers (up to 10,000-char
 * texts, 50 citations, emoji, markdown, mentions) every payload obeys every limit
 * and every citation is present.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LIMITS,
  escapeText,
  payloadViolations,
  renderAnswer,
  renderQuotes,
  renderTimeline,
  splitText,
  timelinePages,
  unescapeText,
  type MessagePayload,
} from '../src/discord/render.js';
import type { Answer, Citation, CommandName } from '../src/types.js';

const TOKENS = [
  'the', ' ', ' ', 'Maduro', 'said', '.', '\n', '\n\n', '*', '**', '_', '~~', '`', '```', '|', '||', '>', '#', '- ', '[', ']', '(', ')',
  '\\', '😀', '👩‍👩‍👧', '🇻🇪', '@everyone', '@here', '<@123456789012345678>', '<@&123456789012345678>', '<#123456789012345678>',
  '<t:1700000000:R>', '[x](https://evil.example)', 'é', '“', '”', '—', '…', 'a'.repeat(40), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
];

/** Random text of up to `max` UTF-16 units assembled from tricky tokens. */
const text = (max: number, min = 0) =>
  fc
    .tuple(fc.integer({ min, max }), fc.array(fc.constantFrom(...TOKENS), { minLength: 1, maxLength: 40 }), fc.integer())
    .map(([len, toks, seed]) => {
      let s = '';
      let i = Math.abs(seed);
      while (s.length < len) {
        s += toks[i % toks.length];
        i = (i * 1103515245 + 12345) % 2147483647;
      }
      return s;
    });

const url = fc.oneof(fc.constant(null), fc.constant('https://example.com/a(b)c'), fc.webUrl(), text(600).map((t) => `https://x.org/${t}`));

const citations = (max: number) =>
  fc.array(
    fc.record({ source: text(40, 1), quote: text(3000, 1), title: text(400), outlet: fc.option(text(200)), date: fc.option(fc.constant('2025-11-05')), url }),
    { maxLength: max },
  ).map((cs) => cs.map((c, i): Citation => ({ n: i + 1, ...c })));

const answer = fc
  .record({
    command: fc.constantFrom<CommandName>('ask', 'who', 'timeline', 'sources', 'digest', 'verify', 'compare'),
    answered: fc.boolean(),
    title: text(400),
    blocks: fc.array(fc.record({ heading: fc.option(text(300), { nil: undefined }), text: text(10_000) }), { maxLength: 4 }),
    citations: citations(50),
    followUps: fc.array(text(200, 1), { maxLength: 6 }),
    notes: fc.option(fc.array(text(300), { maxLength: 3 }), { nil: undefined }),
    events: fc.option(fc.array(fc.record({ text: text(2000, 1), date: fc.option(fc.constant('2025-11')) }), { maxLength: 40 }), { nil: undefined }),
    withEntity: fc.boolean(),
    cites: fc.array(fc.array(fc.nat(60), { maxLength: 60 }), { maxLength: 50 }),
  })
  .map(({ blocks, events, withEntity, cites, ...rest }): Answer => {
    const n = rest.citations.length;
    const pick = (i: number) => (n ? (cites[i] ?? []).map((x) => (x % n) + 1) : []);
    return {
      ...rest,
      blocks: blocks.map((b, i) => ({ ...b, cites: pick(i) })),
      events: events?.map((e, i) => ({ ...e, precision: e.date ? 'month' : 'unknown', citations: pick(i), reportedIn: [] })),
      entity: withEntity ? { name: rest.title.slice(0, 50) || 'X', kind: 'person', aliases: ['El *Presidente*'], description: 'desc' } : undefined,
    };
  });

const ctx = { key: '1573604326801276934', channelId: '1428649180074737665', userId: '1437719400484552705' };

function expectValid(payloads: MessagePayload[]) {
  expect(payloads.length).toBeGreaterThan(0);
  for (const p of payloads) expect(payloadViolations(p)).toEqual([]);
}

const allText = (ps: MessagePayload[]) => ps.flatMap((p) => [p.content ?? '', ...p.embeds.flatMap((e) => [e.title ?? '', e.description ?? ''])]).join('\n');

describe('renderer limits (property)', () => {
  it('renderAnswer: every payload within every limit; every citation listed exactly once', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const out = renderAnswer(a, ctx);
        expectValid(out);
        const all = allText(out);
        for (const c of a.citations) expect(all.split(`**[${c.n}]** `).length - 1).toBe(1);
        // the buttons live on the last message only
        for (const p of out.slice(0, -1)) expect(p.components).toEqual([]);
      }),
      { numRuns: 150 },
    );
  });

  it('renderTimeline: every page is one valid message; pages together list every citation and every event', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const pages = timelinePages(a);
        const rendered = pages.map((_, i) => renderTimeline(a, i, ctx));
        for (const r of rendered) expectValid(r);
        if (a.events?.length) {
          for (const r of rendered) expect(r).toHaveLength(1);
          expect(pages.flatMap((p) => p.events)).toEqual(a.events.map((_, i) => i));
          expect(pages.flatMap((p) => p.cites).sort((x, y) => x - y)).toEqual(a.citations.map((c) => c.n));
          const all = allText(rendered.flat());
          for (const c of a.citations) expect(all).toContain(`**[${c.n}]** `);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('renderQuotes: valid payloads; every quote appears verbatim once unescaped', () => {
    fc.assert(
      fc.property(citations(50), (cs) => {
        const a: Answer = { command: 'ask', answered: true, title: 't', blocks: [], citations: cs, followUps: [] };
        const out = renderQuotes(a);
        expectValid(out);
        const flat = unescapeText(allText(out).replace(/\*\*\[\d+\]\*\* \*\(continued\)\* /g, '')).replace(/\s+/g, '');
        for (const c of cs) expect(flat).toContain(c.quote.replace(/\s+/g, ''));
      }),
      { numRuns: 100 },
    );
  });
});

describe('renderer details', () => {
  it('escapes markdown and neutralises mentions, reversibly', () => {
    const raw = '**bold** @everyone <@123456789012345678> [x](https://evil.example) # h';
    const esc = escapeText(raw);
    expect(esc).not.toContain('**bold**');
    expect(esc).not.toMatch(/(^|\s)@everyone/);
    expect(esc).toContain('\\<@123456789012345678>');
    expect(unescapeText(esc)).toBe(raw);
  });

  it('splitText never exceeds the limit, never splits a surrogate pair or an escape, loses no characters but whitespace', () => {
    fc.assert(
      fc.property(text(10_000), fc.integer({ min: 20, max: 4096 }), (t, max) => {
        const esc = escapeText(t);
        const parts = splitText(esc, max);
        for (const p of parts) {
          expect(p.length).toBeLessThanOrEqual(max);
          expect(/[\uD800-\uDBFF]$/.test(p)).toBe(false);
          expect(/(^|[^\\])(\\\\)*\\$/.test(p)).toBe(false);
        }
        expect(parts.join('').replace(/\s+/g, '')).toBe(esc.replace(/\s+/g, ''));
      }),
      { numRuns: 200 },
    );
  });

  it('an answer with 50 citations and 10,000 characters splits into several valid messages, buttons last', () => {
    const cs: Citation[] = Array.from({ length: 50 }, (_, i) => ({
      n: i + 1,
      source: `00${i}.txt`,
      quote: `Quote ${i} `.repeat(50),
      title: `Title ${i} `.repeat(30),
      outlet: 'The Outlet',
      date: '2025-11-05',
      url: i % 2 ? `https://news.example/${i}` : null,
    }));
    const a: Answer = {
      command: 'ask',
      answered: true,
      title: 'Why?',
      blocks: [{ text: 'Word '.repeat(2000), cites: [1, 2, 3] }],
      citations: cs,
      followUps: ['What did Russia say?', 'x'.repeat(200)],
    };
    const out = renderAnswer(a, ctx);
    expect(out.length).toBeGreaterThan(1);
    expectValid(out);
    const last = out[out.length - 1]!;
    const ids = last.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
    expect(ids).toEqual([`q:${ctx.key}`, `m:${ctx.channelId}:${ctx.userId}`, `f:${ctx.key}:0`, `f:${ctx.key}:1`]);
    const labels = last.components.flatMap((r) => r.components.map((b) => ('label' in b ? b.label : '')));
    expect(labels[3]!.length).toBeLessThanOrEqual(LIMITS.label);
    expect(allText(out)).toContain('[Title 1 Title 1');
    expect(allText(out)).toContain('](https://news.example/1)');
  });
});
