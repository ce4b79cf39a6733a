/**
 * Property: whatever the articles say, the digest is well-formed — every quote is
 * verbatim, every [n] resolves, and the Discord rendering stays within every limit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CorpusError } from '../src/corpus/load.js';
import { payloadViolations } from '../src/discord/render.js';
import { digest } from '../src/engines/digest.js';
import { digestPayloads } from '../src/schedule/discord-poster.js';
import { makeDeps, removeDir, tempDir } from './digest-fixtures.js';

const words = ['the', 'army', 'said', 'about', 'roughly', 'at least', 'more than', '12', '4,500', 'three', '$20 million', 'troops', 'ships', 'killed', 'people',
  'in August', 'on Friday', 'November 2', 'officials', 'according to the ministry', 'denied the report', 'that number has grown to', 'doubled the', '1983',
  'Mayor Ann Lee', 'strikes', 'homes', '79-year-old', '50 percent', 'reward', '@everyone', '<@123456789012345678>', '**bold**', 'drones', 'tons of', 'rice'];

const sentence = fc
  .array(fc.constantFrom(...words), { minLength: 4, maxLength: 22 })
  .map((ws) => {
    const s = ws.join(' ');
    return `${s.charAt(0).toUpperCase()}${s.slice(1)}.`;
  });

const article = fc.record({
  title: fc.array(fc.constantFrom(...words), { minLength: 2, maxLength: 8 }).map((w) => w.join(' ')),
  date: fc.option(fc.date({ min: new Date('2020-01-01'), max: new Date('2026-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
  paragraphs: fc.array(fc.array(sentence, { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')), { minLength: 1, maxLength: 6 }),
});

describe('digest properties', () => {
  it('quotes verbatim, markers resolve, Discord payloads within limits — for any small corpus', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(article, { minLength: 1, maxLength: 4 }), async (arts) => {
        const dir = tempDir();
        try {
          arts.forEach((a, i) => {
            const front = `---\ntitle: "${a.title.replace(/"/g, '')}"\n${a.date ? `date: ${a.date}\n` : ''}---\n`;
            writeFileSync(path.join(dir, `a${i}.md`), `${front}${a.paragraphs.join('\n\n')}\n`);
          });
          let deps;
          try {
            deps = await makeDeps(dir, { dataDir: dir });
          } catch (err) {
            // A generated corpus the loader rejects (no article text) is outside this property.
            if (err instanceof CorpusError) return;
            throw err;
          }
          const answer = await digest(deps, { chartDir: null });
          if (!answer.answered) return;
          for (const c of answer.citations) {
            const raw = readFileSync(path.join(dir, c.source), 'utf8');
            for (const part of c.quote.split(' … ')) expect(raw.includes(part)).toBe(true);
          }
          const ns = new Set(answer.citations.map((c) => c.n));
          for (const s of answer.sections!) for (const m of s.text.matchAll(/\[(\d+)\]/g)) expect(ns.has(Number(m[1]))).toBe(true);
          for (const p of digestPayloads(answer, true)) expect(payloadViolations(p)).toEqual([]);
        } finally {
          removeDir(dir);
        }
      }),
      { numRuns: 25 },
    );
  });
});
