/**
 * Conventions every payload follows (issue 13, part 5), tested through public functions:
 * article text escaped with discord.js's escaper where it fits (verbatim, reversible, no
 * formatting, no links, mentions and timestamps literal); a /help entry with an example
 * for every registered command.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commands } from '../commands/index.js';
import { helpEmbed } from '../commands/help.js';
import { escapeText, unescapeText } from '../src/discord/render.js';
import { SEEDS, makeDeps } from './digest-fixtures.js';

/** Characters Discord reads as markdown, with the line starts that make lists, quotes and headings. */
const markdownish = fc.string({ unit: fc.constantFrom('*', '_', '`', '~', '|', '[', ']', '(', ')', '\\', '#', '-', '>', '<', '@', ':', 't', 'x', ' ', '\n', '1', '.', 'é'), maxLength: 300 });

describe('escapeText (discord.js escapeMarkdown where it fits)', () => {
  it('round-trips any text, and leaves no markdown character unescaped', () => {
    fc.assert(
      fc.property(markdownish, (t) => {
        const esc = escapeText(t);
        expect(unescapeText(esc)).toBe(t);
        // every emphasis, code, bracket character is preceded by an odd run of backslashes
        for (const m of esc.matchAll(/(\\*)([*_`[\]])/g)) expect(m[1]!.length % 2).toBe(1);
        // no line starts a list, quote, heading or subtext
        for (const line of esc.split('\n')) expect(line).not.toMatch(/^\s*(?:[-*>]|#{1,3} |\d+\. )/);
      }),
      { numRuns: 500 },
    );
  });

  it('keeps mentions and timestamps literal, breaks @everyone, and makes no link', () => {
    const esc = escapeText('@everyone <@123456789012345678> <t:1780300000:R> [here](https://evil.example) ___x___ ````y````');
    expect(esc).toContain('@\u200beveryone');
    expect(esc).toContain('\\<@123456789012345678>');
    expect(esc).toContain('\\<t:1780300000:R>');
    expect(esc).toContain('\\[here\\](https://evil.example)');
    expect(esc).not.toMatch(/(^|[^\\])[_`]/);
  });

  it('long unspaced runs round-trip exactly, with our own emphasis escaping (discord.js italic escaper is quadratic there)', () => {
    // No clock: its italic escaper, the slow one on such runs (~30 s here at this size), is also the one that breaks
    // this round trip, so bringing it back fails the assertion; the timing itself belongs to the bench.
    const t = 'x_*'.repeat(20_000);
    expect(unescapeText(escapeText(t))).toBe(t);
  });
});

describe('/help', () => {
  it('lists every registered command with what it does and an example', async () => {
    const deps = await makeDeps(SEEDS);
    const embed = await helpEmbed({ deps });
    const text = embed.description!;
    expect(text.length).toBeLessThanOrEqual(4096);
    for (const c of commands) {
      const d = c.data.toJSON();
      expect(text).toContain(`\`/${d.name}`);
      expect(text).toContain(d.description);
      expect(text).toMatch(new RegExp(`e\\.g\\. \`/${d.name}[^\\n]*\``));
    }
    expect(text).toMatch(/quiet: note/);
  });
});
