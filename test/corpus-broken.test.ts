/**
 * Broken and hostile files: each unusable file is skipped with a warning naming it,
 * the rest of the folder loads; an unusable folder is a CorpusError with a clear message.
 */
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CorpusError, loadArticleFile, loadCorpus, MAX_FILE_BYTES } from '../src/corpus/load.js';
import type { Logger } from '../src/log.js';
import type { Corpus } from '../src/types.js';
import { cleanupTempDirs, tempDir, writeCorpus } from './helpers/corpus-fixtures.js';

afterAll(cleanupTempDirs);

const GOOD = `Lakeside Library Reopens After Renovation

Tuesday, March 5, 2024

The Lakeside library reopened on Monday after an eight-month renovation that cost 2.1 million dollars, the city said.
Librarian Tom Okafor said the new reading room holds 120 seats.
`;

const UNICODE = `Ünïcödé Ärticle: Café Owners in Zürich Protest 🚀 New Rules

Der Stadtrat von Zürich hat am Montag neue Öffnungszeiten für Cafés beschlossen, sagte Sprecherin Zoë Müller. 😀 The café owners in Zürich said the rules would cost them about 15 percent of their revenue.
مجلس المدينة وافق على القواعد الجديدة يوم الاثنين وفقا للمتحدثة الرسمية.
Emoji-heavy line 👩‍👩‍👧‍👦 with a family and a flag 🇨🇭 ends the article here.
`;

const ONLY_BOILERPLATE = `Loading recommendations…
Related Posts
Source link
1 of 166
No comments:
Follow us on Facebook and Twitter for more updates.
Read more at: https://example.com/whatever
Image: Keystone
`;

function captureLog(): { log: Logger; warnings: string[] } {
  const warnings: string[] = [];
  const log = {
    warn: (obj: unknown, msg?: string) => warnings.push(`${typeof obj === 'string' ? obj : msg ?? ''} ${JSON.stringify(obj)}`),
    info: () => {},
    debug: () => {},
    error: () => {},
    trace: () => {},
    fatal: () => {},
    child: () => log,
  } as unknown as Logger;
  return { log, warnings };
}

describe('a folder with broken and hostile files', () => {
  let dir: string;
  let corpus: Corpus;
  let logged: string[];

  beforeAll(async () => {
    dir = writeCorpus({
      'good.txt': GOOD,
      'empty.txt': '',
      'binary.txt': Buffer.from([0x48, 0x65, 0x6c, 0x00, 0x6c, 0x6f, 0x00, 0xff, 0x10, 0x0a, 0x41, 0x42]),
      'invalid-utf8.txt': Buffer.concat([
        Buffer.from('A headline that looks fine\n\nThe first sentence is fine, but then the bytes go wrong: '),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1, 0xe2, 0x28, 0xa1]),
        Buffer.from(' and the text continues.\n'),
      ]),
      'unicode.txt': UNICODE,
      'boilerplate-only.txt': ONLY_BOILERPLATE,
      'crlf-bom.txt': `\ufeffWindows Line Endings Headline\r\n\r\nThe harbour master said 40 boats were moved before the storm arrived on Friday.\r\nNo one was hurt, she said.\r\n`,
    });
    // A 20 MB file (sparse: cheap to create).
    const big = path.join(dir, 'huge.txt');
    writeFileSync(big, 'x');
    truncateSync(big, 20 * 1024 * 1024);
    // A directory whose name looks like an article.
    mkdirSync(path.join(dir, 'x.txt'));
    const cap = captureLog();
    logged = cap.warnings;
    corpus = await loadCorpus(dir, { log: cap.log });
  });

  it('loads the usable files', () => {
    expect(corpus.articles.map((a) => a.id).sort()).toEqual(['crlf-bom.txt', 'good.txt', 'unicode.txt']);
    const good = corpus.byId.get('good.txt')!;
    expect(good.title).toBe('Lakeside Library Reopens After Renovation');
    expect(good.date).toBe('2024-03-05');
    expect(good.sentences.map((s) => s.text)).toContain('Librarian Tom Okafor said the new reading room holds 120 seats.');
  });

  it.each([
    ['empty.txt', /empty/i],
    ['binary.txt', /binary|NUL/i],
    ['invalid-utf8.txt', /UTF-8/i],
    ['huge.txt', /MB|large|limit/i],
    ['x.txt', /not a (regular )?file|directory/i],
    ['boilerplate-only.txt', /no article text|nothing|empty/i],
  ])('skips %s with a warning naming it and saying why', (file, why) => {
    const w = corpus.warnings.find((x) => x.file === file);
    expect(w, `no warning for ${file}: ${JSON.stringify(corpus.warnings)}`).toBeDefined();
    expect(w!.reason).toMatch(why);
    expect(logged.some((l) => l.includes(file)), `no logged warning naming ${file}`).toBe(true);
  });

  it('warns once per skipped file and never for the good ones', () => {
    expect(corpus.warnings.map((w) => w.file).sort()).toEqual(
      ['binary.txt', 'boilerplate-only.txt', 'empty.txt', 'huge.txt', 'invalid-utf8.txt', 'x.txt'].sort(),
    );
    expect(MAX_FILE_BYTES).toBeLessThan(20 * 1024 * 1024);
  });

  it('unicode, emoji and RTL text load with exact offsets (surrogate pairs and combining marks intact)', () => {
    const a = corpus.byId.get('unicode.txt')!;
    expect(a.title).toContain('Zürich');
    const texts = a.sentences.map((s) => s.text);
    expect(texts.some((t) => t.includes('Zoë Müller'))).toBe(true);
    expect(texts.some((t) => t.includes('مجلس المدينة'))).toBe(true);
    expect(texts.some((t) => t.includes('👩‍👩‍👧‍👦') && t.includes('🇨🇭'))).toBe(true);
    for (const s of a.sentences) {
      expect(s.text).toBe(a.raw.slice(s.start, s.end));
      expect(s.text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/); // no lone surrogate from a split emoji
    }
  });

  it('CRLF line endings and a BOM keep exact offsets and never leak \\r or the BOM into text', () => {
    const a = corpus.byId.get('crlf-bom.txt')!;
    expect(a.title).toBe('Windows Line Endings Headline');
    expect(a.sentences.map((s) => s.text)).toEqual([
      'The harbour master said 40 boats were moved before the storm arrived on Friday.',
      'No one was hurt, she said.',
    ]);
    for (const s of a.sentences) expect(s.text).toBe(a.raw.slice(s.start, s.end));
    for (const p of a.paragraphs) expect(p.text).not.toMatch(/\r|\ufeff/);
  });

  it('loadArticleFile explains a missing file instead of throwing', async () => {
    const r = await loadArticleFile(path.join(dir, 'does-not-exist.txt'));
    expect('reason' in r && r.reason).toMatch(/cannot read|ENOENT/i);
  });
});

describe('hostile sizes (under the file limit) load in linear time', () => {
  it('a 4.5 MB HTML file of 125,000 tag-laced sentences in one paragraph loads (within the test timeout), with exact quotes', async () => {
    const html = `<html><body><p>${'The <b>council</b> met again today. '.repeat(125_000)}</p></body></html>`;
    const dir = writeCorpus({ 'tags.html': html, 'good.txt': GOOD });
    const c = await loadCorpus(dir);
    const a = c.byId.get('tags.html')!;
    expect(a.sentences).toHaveLength(125_000);
    const last = a.sentences[a.sentences.length - 1]!;
    expect(last.text).toBe('The council met again today.');
    expect(a.raw.slice(last.start, last.end)).toBe('The <b>council</b> met again today.');
    // No clock here. Linear offset mapping loads this in about a second; a quadratic one (a linear scan per lookup)
    // took four minutes here, so the test's own timeout is what catches a return to quadratic. At 2 MB the gap was
    // too narrow for that (0.6 s against 25 s), hence the size, still under the 5 MB file limit.
  }, 30_000);

  it('a 2 MB one-line text file loads', async () => {
    const dir = writeCorpus({ 'long.txt': `Long Line Headline Here\n\n${'The council met again and said nothing new. '.repeat(45_000)}\n` });
    const c = await loadCorpus(dir);
    expect(c.articles[0]!.sentences).toHaveLength(45_000);
  }, 120_000);
});

describe('an unusable corpus folder', () => {
  it('a folder with no usable article → CorpusError naming the folder and the skipped files', async () => {
    const dir = writeCorpus({ 'empty.txt': '', 'junk.txt': Buffer.from([0, 1, 2, 3]), 'readme.json': '{}' });
    const err = await loadCorpus(dir).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    const msg = (err as Error).message;
    expect(msg).toMatch(/no usable articles/i);
    expect(msg).toContain(dir);
    expect(msg).toContain('empty.txt');
    expect(msg).toContain('junk.txt');
    expect(msg).not.toContain('\n');
  });

  it('an empty folder → CorpusError', async () => {
    const dir = tempDir('dispatch-empty-');
    await expect(loadCorpus(dir)).rejects.toThrow(CorpusError);
    await expect(loadCorpus(dir)).rejects.toThrow(/no usable articles/i);
  });

  it('a missing folder → CorpusError naming it', async () => {
    const missing = path.join(tempDir(), 'nope', 'seeds');
    const err = await loadCorpus(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CorpusError);
    expect((err as Error).message).toContain(missing);
    expect((err as Error).message).toMatch(/ENOENT|cannot read/i);
  });

  it('a file given as the folder → CorpusError', async () => {
    const dir = writeCorpus({ 'a.txt': GOOD });
    await expect(loadCorpus(path.join(dir, 'a.txt'))).rejects.toThrow(CorpusError);
  });
});
