import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Deps } from '../src/deps.js';
import { runCommand } from '../src/engines/index.js';
import type { Answer } from '../src/types.js';
import { GOLDEN_ASK, GOLDEN_FOLLOWUPS } from './golden/ask.js';
import { SEEDS, testDeps } from './helpers/deps.js';
import { expectGrounded } from './helpers/grounding.js';
import { followUpInput } from '../src/discord/router.js';

let deps: Deps;
beforeAll(async () => {
  deps = await testDeps();
});

const quoted = (a: Answer) => a.citations.map((c) => c.quote).join('\n');
const results: { q: string; ok: boolean; why?: string }[] = [];

function judge(a: Answer, g: (typeof GOLDEN_ASK)[number]): string | null {
  if (g.refuse) return a.answered ? 'answered a question the articles do not answer' : null;
  if (!a.answered) return 'refused';
  const text = quoted(a);
  for (const re of g.expect ?? []) if (!re.test(text)) return `missing ${re}`;
  if (g.source && !a.citations.some((c) => c.source === g.source)) return `no citation to ${g.source}`;
  return null;
}

describe('/ask golden set (hand-written from the seeds)', () => {
  it.each(GOLDEN_ASK)('$q', async (g) => {
    const a = await runCommand(deps, { command: 'ask', text: g.q });
    expectGrounded(a, SEEDS);
    const why = judge(a, g);
    results.push({ q: g.q, ok: why === null, ...(why ? { why } : {}) });
    if (g.refuse) {
      expect(a.answered).toBe(false);
      expect(a.blocks[0]!.text).toMatch(/articles don.t answer/);
    }
  });

  it('scores at least 90% and answers every refusal honestly', () => {
    const ok = results.filter((r) => r.ok).length;
    console.log(`ask golden set: ${ok}/${results.length} correct`);
    for (const r of results.filter((x) => !x.ok)) console.log(`  missed: ${r.q} (${r.why})`);
    expect(ok / results.length).toBeGreaterThanOrEqual(0.9);
  });
});

describe('follow-ups', () => {
  it.each(GOLDEN_FOLLOWUPS)('$first → $then', async (f) => {
    const session = `test:${Math.random()}`;
    await runCommand(deps, { command: 'ask', text: f.first, session });
    const a = await runCommand(deps, { command: 'ask', text: f.then, session });
    expectGrounded(a, SEEDS);
    expect(a.answered).toBe(true);
    for (const re of f.expect) expect(quoted(a)).toMatch(re);
  });

  it('"And Russia?" after "What did China say …?" swaps the speaker and never passes China off as Russia', async () => {
    const session = `test:${Math.random()}`;
    await runCommand(deps, { command: 'ask', text: 'What did China say about Venezuela?', session });
    const a = await runCommand(deps, { command: 'ask', text: 'And Russia?', session });
    expect(a.meta?.resolvedQuestion).toBe('What did Russia say about Venezuela?');
    expect(quoted(a)).not.toMatch(/China (supports|opposes)|opposes any attempt/);
  });

  it('"When?" after a question asks when it happened', async () => {
    const session = `test:${Math.random()}`;
    await runCommand(deps, { command: 'ask', text: 'Who ordered the carrier into the Caribbean?', session });
    const a = await runCommand(deps, { command: 'ask', text: 'When?', session });
    expect(a.answered).toBe(true);
    expect(quoted(a)).toMatch(/Oct\. 24/);
  });

  it('"And how many troops?" is a new question, not the old one again', async () => {
    const session = `test:${Math.random()}`;
    await runCommand(deps, { command: 'ask', text: 'How many people were killed in the strikes?', session });
    const a = await runCommand(deps, { command: 'ask', text: 'And how many troops?', session });
    expect(quoted(a)).toMatch(/4,500 troops/);
    expect(quoted(a)).not.toMatch(/at least 61/);
  });

  it('a standalone question after another starts fresh', async () => {
    const session = 'test:fresh';
    await runCommand(deps, { command: 'ask', text: 'What did Peskov say?', session });
    const a = await runCommand(deps, { command: 'ask', text: 'How many troops has the US deployed?', session });
    expect(a.meta?.resolvedQuestion).toBeUndefined();
    expect(quoted(a)).toMatch(/4,500/);
    expect(quoted(a)).not.toMatch(/Peskov/);
  });

  it('without a session, a pronoun question is not resolved against anything', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'What did he say about it?' });
    expect(a.answered).toBe(false);
  });
});

describe('corroboration', () => {
  it('every quoted claim carries how many independent articles support it (data, not a text tail); a near-duplicate is not a second voice', async () => {
    const a = await runCommand(deps, { command: 'ask', text: 'What did Maduro ask Russia for?' });
    const claims = a.blocks.filter((b) => !b.heading);
    expect(claims.length).toBeGreaterThan(0);
    for (const b of claims) {
      expect(b.independent).toBeGreaterThanOrEqual(1);
      expect(b.quote).toBe(b.cites[0]);
      expect(b.text).not.toMatch(/independent article/);
      expect(b.text).toContain(a.citations[b.quote! - 1]!.quote);
    }
    // 000 and 002 carry the same quote; together they are one voice, not two.
    const peskov = await runCommand(deps, { command: 'ask', text: 'What did Velasquez seek from Iran?' });
    const dup = peskov.blocks.find((b) => /near-duplicate/.test(b.text));
    expect(dup?.independent).toBe(1);
    expect(dup?.cites.length).toBeGreaterThan(1);
  });
});

describe('suggested follow-ups', () => {
  it.each(['What did Peskov say?', 'Who is Geoff Ramsey?', 'How many troops has the US deployed?', 'What is the capital of Iran?'])(
    'after %j: 2–3 suggestions, each one answerable, none about days or sentence-start words',
    async (q) => {
      const a = await runCommand(deps, { command: 'ask', text: q });
      expect(a.followUps.length).toBeGreaterThanOrEqual(2);
      expect(a.followUps.length).toBeLessThanOrEqual(3);
      for (const f of a.followUps) {
        expect(f).not.toMatch(/\b(Friday|Sunday|However|Because|Everything|Minutes)\b/);
        // a suggestion runs as the command it names (a button click does exactly this)
        const { input } = followUpInput(f, 'test:suggestion');
        const b = await runCommand(deps, input);
        expect(b.answered, f).toBe(true);
        expectGrounded(b, SEEDS);
      }
    },
  );

  it('grammatical and fitting: "the" where the articles write it, /who for people and organisations, places never "say", /timeline after a when-question', async () => {
    const troops = await runCommand(deps, { command: 'ask', text: 'How many troops has the US deployed?' });
    expect(troops.followUps).toContain('What do the articles say about the Caribbean Sea?');
    expect(troops.followUps).toContain('/who Joint Task Force');
    for (const q of ['What did Maduro ask Russia for?', 'What did China say?', 'What did Peskov say?']) {
      const a = await runCommand(deps, { command: 'ask', text: q });
      for (const f of a.followUps) {
        expect(f).not.toMatch(/^What did (Latin America|Venezuela|Caribbean Sea|Russia|China) say\?$/);
        expect(f).not.toMatch(/about (Washington Post|Caribbean Sea|White House)\?$/);
      }
    }
    const when = await runCommand(deps, { command: 'ask', text: 'When did Hegseth order the carrier to the Caribbean?' });
    expect(when.followUps.length).toBeGreaterThan(0);
    for (const f of when.followUps) {
      expect(f).toMatch(/^\/timeline about:\S/);
      const { input, view } = followUpInput(f, 'test:when');
      expect(view).toBe('timeline');
      expect(input.about).toBe(f.slice('/timeline about:'.length));
      const t = await runCommand(deps, input);
      expect(t.events?.length, f).toBeGreaterThan(0);
    }
  });
});

describe('hostile input', () => {
  it.each([
    ['empty', ''],
    ['spaces', '   '],
  ])('%s question → a clear error', async (_n, q) => {
    await expect(runCommand(deps, { command: 'ask', text: q })).rejects.toThrow(/Please give a question/);
  });

  it('a huge question → a clear error naming the limit', async () => {
    await expect(runCommand(deps, { command: 'ask', text: 'why '.repeat(3000) })).rejects.toThrow(/limit is 1,000/);
  });

  it('chat markup around a question is ignored: "@everyone **what** did Peskov say?"', async () => {
    const a = await runCommand(deps, { command: 'ask', text: '@everyone **what** did _Peskov_ say? [source](https://example.com)' });
    expect(a.answered).toBe(true);
    expect(quoted(a)).toMatch(/Peskov/);
  });

  it.each(['@everyone what happened?', '<@123456789012345678> ???', '```js\nprocess.exit()```', '🔥🔥🔥', '.*+?^${}()|[]\\', "'; DROP TABLE articles; --"])(
    'odd input %j answers or refuses without crashing, grounded',
    async (q) => {
      const a = await runCommand(deps, { command: 'ask', text: q });
      expectGrounded(a, SEEDS);
      expect(a.blocks.length).toBeGreaterThan(0);
    },
  );
});

afterAll(async () => {
  await deps?.store.close();
});
