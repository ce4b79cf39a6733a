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
  quoteScope,
  readable,
  renderAnswer,
  renderFull,
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
    blocks: fc.array(fc.record({ heading: fc.option(text(300), { nil: undefined }), text: text(10_000), quoted: fc.boolean(), independent: fc.nat(5) }), { maxLength: 4 }),
    short: fc.option(text(600, 1), { nil: undefined }),
    verdict: fc.option(fc.constantFrom<NonNullable<Answer['verdict']>>('supported', 'contradicted', 'partly supported', 'not addressed'), { nil: undefined }),
    citations: citations(50),
    followUps: fc.array(text(200, 1), { maxLength: 6 }),
    notes: fc.option(fc.array(text(300), { maxLength: 3 }), { nil: undefined }),
    events: fc.option(fc.array(fc.record({ text: text(2000, 1), date: fc.option(fc.constant('2025-11')) }), { maxLength: 40 }), { nil: undefined }),
    withEntity: fc.boolean(),
    cites: fc.array(fc.array(fc.nat(60), { maxLength: 60 }), { maxLength: 50 }),
  })
  .map(({ blocks, events, withEntity, cites, short, verdict, ...rest }): Answer => {
    const n = rest.citations.length;
    const pick = (i: number) => (n ? (cites[i] ?? []).map((x) => (x % n) + 1) : []);
    return {
      ...rest,
      ...(short ? { short: { text: short, cites: pick(7) } } : {}),
      ...(verdict ? { verdict } : {}),
      blocks: blocks.map(({ quoted, independent, ...b }, i) => {
        const cs = pick(i);
        return { ...b, cites: cs, ...(quoted && cs.length ? { quote: cs[0], independent } : {}) };
      }),
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
  it('renderAnswer: every payload within every limit; cards are one message whose Sources name every article they cite, the rest behind Quotes; full answers list every citation once', () => {
    fc.assert(
      fc.property(answer, (a) => {
        const out = renderAnswer(a, ctx);
        expectValid(out);
        const all = allText(out);
        const card = a.command === 'ask' || a.command === 'verify' || a.command === 'compare' || (a.command === 'who' && a.answered && !!a.entity);
        if (card) {
          expect(out).toHaveLength(1);
          const desc = out[0]!.embeds[0]!.description ?? '';
          const [body, sources = ''] = desc.split('\n\n**Sources**\n');
          // every marker in the body is listed in the Sources lines (the article's line carries it)
          const truncated = /more articles?: see \*\*Quotes\*\*/.test(sources);
          for (const m of body!.matchAll(/\\\[\[?(\d+)/g)) {
            if (!truncated && a.citations.some((c) => c.n === Number(m[1]))) expect(sources).toContain(`[${m[1]}]`);
          }
          // Sources name each article once, never by its file name
          const lines = sources.split('\n').filter((l) => l.startsWith('**['));
          const srcs = lines.map((l) => /^\*\*\[(\d+)\]/.exec(l)![1]).map((n) => a.citations.find((c) => c.n === Number(n))!.source);
          expect(new Set(srcs).size).toBe(srcs.length);
          // a citation not quoted in full on the card is behind the Quotes button
          const ids = out[0]!.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
          if (a.command === 'ask' && quoteScope(a)?.length) expect(ids).toContain(`q:${ctx.key}`);
          for (const r of out[0]!.components) for (const b of r.components) if (b.style === 5) expect('url' in b && /^https?:/.test(b.url)).toBe(true);
        } else {
          for (const c of a.citations) expect(all.split(`**[${c.n}]** `).length - 1).toBe(1);
        }
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
          // every event once: the story's events in order, then background ones apart
          const order = pages.flatMap((p) => p.events);
          const idx = a.events.map((_, i) => i);
          expect(order).toEqual([...idx.filter((i) => !a.events![i]!.background), ...idx.filter((i) => a.events![i]!.background)]);
          // every citation belongs to a page (its Quotes show it), and each page's Quotes is that page's only
          expect([...new Set(pages.flatMap((p) => p.cites))].sort((x, y) => x - y)).toEqual(a.citations.map((c) => c.n));
          pages.forEach((p, i) => expect(quoteScope(a, i)).toEqual(p.cites));
          rendered.forEach((r, i) => {
            const ids = r[0]!.components.flatMap((row) => row.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
            if (pages[i]!.cites.length) expect(ids).toContain(`q:${ctx.key}:${i}`);
          });
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
    // the whole answer (the "Full answer" button, the digest) splits; the /ask card stays one message
    const out = renderFull(a, ctx);
    expect(out.length).toBeGreaterThan(1);
    expect(renderAnswer(a, ctx)).toHaveLength(1);
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

describe('compact cards', () => {
  const TITLES: Record<string, string> = {
    '000_46500a0d823731af.txt': 'US Prepared to Strike',
    '001_080066696a52c0c3.txt': 'China backs Venezuela',
    '002_fc5e09306d15ac96.txt': 'Maduro asks for aid',
    '003_83f7e1146e4f08e2.txt': 'US Conducts Military Action',
  };
  const cite = (n: number, source: string, outlet: string | null, url: string | null, quote: string, date: string | null = '2025-11-02'): Citation => ({
    n,
    source,
    quote,
    title: TITLES[source]!,
    outlet,
    date,
    url,
  });
  const herald = 'https://www.miamiherald.com/news/article312768769.html';
  const citations = [
    cite(1, '001_080066696a52c0c3.txt', 'Miami Herald', herald, 'The carrier strike group, with more than 4,000 personnel, arrived.'),
    cite(2, '001_080066696a52c0c3.txt', 'Miami Herald', herald, 'An amphibious group of roughly 4,500 troops.'),
    cite(3, '000_46500a0d823731af.txt', null, null, 'Seven warships carrying 4,500 troops.'),
    cite(4, '002_fc5e09306d15ac96.txt', 'blue News', 'https://www.bluewin.ch/en/news/a.html', 'Seven warships carrying 4,500 troops.', '2025-11-05'),
    cite(5, '003_83f7e1146e4f08e2.txt', null, null, 'A fourth quote that the card leaves to the Quotes button.'),
  ];
  const blocks = [
    { text: 'Miami Herald: “The carrier strike group, with more than 4,000 personnel, arrived.” [1]', cites: [1], quote: 1, independent: 1 },
    { text: 'x (2025-11-02): “Seven warships carrying 4,500 troops.” [3] (the same words appear in 1 other article [4])', cites: [3, 4], quote: 3, independent: 3 },
    { text: 'Miami Herald: “An amphibious group of roughly 4,500 troops.” [2]', cites: [2], quote: 2, independent: 2 },
    { text: 'y: “A fourth quote that the card leaves to the Quotes button.” [5]', cites: [5], quote: 5, independent: 1 },
  ];
  const ask: Answer = {
    command: 'ask',
    answered: true,
    title: 'How many troops are out there now?',
    blocks,
    citations,
    followUps: ['What did Pete Hegseth say?'],
    notes: ['002_fc5e09306d15ac96.txt repeats 000_46500a0d823731af.txt.'],
  };
  const FILE = /\d{3}_[0-9a-f]{16}\.txt/;

  it('/ask: the question, the short answer first, three quotes with one line of attribution each, sources once per article, link buttons', () => {
    const withShort: Answer = { ...ask, short: { text: 'About 4,500 troops, since grown to about 10,000.', cites: [3] } };
    const [msg, ...more] = renderAnswer(withShort, ctx);
    expect(more).toEqual([]);
    expectValid([msg!]);
    const e = msg!.embeds[0]!;
    expect(e.title).toBe('How many troops are out there now?');
    const d = e.description!;
    expect(d.startsWith('**About 4,500 troops, since grown to about 10,000. \\[3\\]**')).toBe(true);
    // at most three quotes, each followed by one attribution line (outlet or title, date); no per-quote tails
    expect(d.match(/^> “/gm)).toHaveLength(3);
    expect(d).toContain('> “The carrier strike group, with more than 4,000 personnel, arrived.” \\[[1](https://www.miamiherald.com/news/article312768769.html)\\]\n-# — Miami Herald, 2 Nov 2025');
    expect(d).toContain('> “Seven warships carrying 4,500 troops.” \\[3\\]\n-# — “US Prepared to Strike”, 2 Nov 2025 · same words in \\[[4](https://www.bluewin.ch/en/news/a.html)\\] · reported by 3 independent outlets');
    expect(d).not.toMatch(/independent article/);
    expect(d.match(/reported by 3 independent outlets/g)).toHaveLength(1);
    // [2] shares [1]'s article: its URL is linked once, not per quote
    expect(d).toContain('\\[2\\]');
    // sources once per article, by outlet and title, never by file name
    const sources = d.split('**Sources**\n')[1]!;
    expect(sources.split('\n').filter((l) => l.startsWith('**['))).toEqual([
      '**[1][2]** China backs Venezuela — Miami Herald · 2 Nov 2025',
      '**[3]** US Prepared to Strike — 2 Nov 2025',
      '**[4]** Maduro asks for aid — blue News · 5 Nov 2025',
    ]);
    expect((e.title ?? '').length + d.length).toBeLessThanOrEqual(1500);
    // link buttons to each cited article that has a URL; the fourth quote behind "More quotes"
    const buttons = msg!.components.flatMap((r) => r.components);
    expect(buttons.filter((b) => b.style === 5).map((b) => ('url' in b ? [b.label, b.url] : []))).toEqual([
      ['Miami Herald', herald],
      ['blue News', 'https://www.bluewin.ch/en/news/a.html'],
    ]);
    expect(buttons.map((b) => ('custom_id' in b ? b.custom_id : b.style))).toEqual([`q:${ctx.key}`, `m:${ctx.channelId}:${ctx.userId}`, 5, 5, `f:${ctx.key}:0`]);
    expect('label' in buttons[0]! && buttons[0]!.label).toBe('More quotes (2)');
    expect(quoteScope(withShort)).toEqual([4, 5]);
    expect(renderQuotes(withShort, quoteScope(withShort)).flatMap((p) => p.embeds.map((x) => x.description)).join('\n')).toContain('A fourth quote');
  });

  it('/ask without a short answer begins with the best quote', () => {
    const d = renderAnswer(ask, ctx)[0]!.embeds[0]!.description!;
    expect(d.startsWith('> “The carrier strike group')).toBe(true);
  });

  it('no payload names an internal file: notes, comparisons and sources use outlet or title', () => {
    const notes = renderAnswer(ask, ctx)[0]!.embeds[0]!.description!;
    expect(notes).not.toMatch(FILE);
    expect(notes).toContain('-# blue News repeats “US Prepared to Strike”.');
    const verify: Answer = {
      command: 'verify',
      answered: true,
      title: 'Claim',
      verdict: 'supported',
      blocks: [{ heading: 'Corroboration', text: 'Supported by 2 independent articles: Miami Herald (001_080066696a52c0c3.txt), blue News (002_fc5e09306d15ac96.txt).', cites: [] }],
      citations,
      followUps: [],
    };
    for (const p of [...renderAnswer(verify, ctx), ...renderFull(verify, ctx)]) {
      const all = allText([p]);
      expect(all).not.toMatch(FILE);
      expect(all).toContain('Supported by 2 independent articles: Miami Herald, blue News.');
    }
    expect(readable({ ...verify, blocks: [{ text: 'see other_file.html', cites: [] }] }).blocks[0]!.text).toBe('see another article');
    // an article without a title of its own (its title is its file name) is shown untitled
    const untitled: Answer = { ...ask, citations: ask.citations.map((c) => (c.n === 3 ? { ...c, title: c.source } : c)) };
    const d = renderAnswer(untitled, ctx)[0]!.embeds[0]!.description!;
    expect(d).not.toMatch(FILE);
    expect(d).toContain('-# — an untitled article, 2 Nov 2025');
    expect(d).toContain('**[3]** Untitled article — 2 Nov 2025');
    expect(allText(renderQuotes(untitled))).not.toMatch(FILE);
  });

  it('verdicts differ in colour: supported green, contradicted red, partly amber, not addressed grey', () => {
    const colour = (verdict: Answer['verdict']) =>
      renderAnswer({ command: 'verify', answered: verdict !== 'not addressed', title: 'c', verdict, blocks: [{ text: `Verdict: ${verdict}`, cites: [] }], citations: [], followUps: [] }, ctx)[0]!.embeds[0]!.color;
    const colours = (['supported', 'contradicted', 'partly supported', 'not addressed'] as const).map(colour);
    expect(new Set(colours).size).toBe(4);
    expect(colours[0]).toBe(0x2e9e5b);
    expect(colours[1]).toBe(0xd83c3e);
  });

  it('/timeline: short dated lines, background apart at the end, Quotes for the page only, Quotes names the page', () => {
    const events = [
      { date: '1983', precision: 'year' as const, text: 'The last carrier mission in the hemisphere.', citations: [5], reportedIn: [], background: true },
      { date: '2025-10-24', precision: 'day' as const, text: 'Hegseth ordered the Ford strike group into the Caribbean.', citations: [3], reportedIn: [], note: '000_46500a0d823731af.txt carries no date; the same sentence appears in 002_fc5e09306d15ac96.txt' },
      { date: '2025-08', precision: 'month' as const, text: 'Warships deployed.', citations: [1], reportedIn: [], note: 'year inferred' },
    ];
    const tl: Answer = { command: 'timeline', answered: true, title: 'Timeline', blocks: [], citations, followUps: [], events };
    const [p] = renderTimeline(tl, 0, { ...ctx, pager: '1437719400484552799' });
    const d = p!.embeds[0]!.description!;
    expect(d.split('\n\n').slice(0, 4)).toEqual([
      '**24 Oct 2025** — Hegseth ordered the Ford strike group into the Caribbean. [3]',
      '**Aug 2025** — Warships deployed. [1] *(year inferred)*',
      '**Background** — before the story',
      '**1983** — The last carrier mission in the hemisphere. [5]',
    ]);
    expect(d).not.toMatch(FILE);
    expect(timelinePages(tl)[0]!.events).toEqual([1, 2, 0]);
    expect(quoteScope(tl, 0)).toEqual([3, 1, 5, 2, 4]);
    const ids = p!.components.flatMap((r) => r.components.map((b) => ('custom_id' in b ? b.custom_id : '')));
    expect(ids).toContain(`q:${ctx.key}:0`);
  });
});
