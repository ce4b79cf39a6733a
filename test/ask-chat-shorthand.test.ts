/**
 * Questions typed as people type in Discord (issue #12: "answers the question a person actually typed, in their
 * words"): shorthand and contractions without an apostrophe ("ppl", "whats", "b4", "govt") are read written out
 * (lexicon/chat.ts), so "how many ppl were aboard" is answered like "how many people were aboard" and no refusal says
 * the articles "never mention 'ppl'". Capitalised abbreviations ("U.S.", "R&D", "N Korea") are left alone.
 * Story written here.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { writtenOut } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_valley-news.txt': `9 June 2033\n\nCable car stalls over Orla gorge\n\nA cable car carrying 14 passengers stalled over the Orla gorge on Saturday, the operator said.\n\nRescuers reached the cabin after nine hours, the regional government said.\n\nA one-way ticket costs 40 euros.\n\nThe temperature inside the cabin fell to 3 degrees overnight.\n\nPrime Minister Ilse Varo thanked the rescuers in a statement.\n`,
};

const deps = storyDeps(FILES);

const text = answerText;

describe('chat shorthand', () => {
  it('is written out, word by word, and abbreviations in capitals are not', () => {
    expect(writtenOut('how many ppl were on board b4 it stalled?')).toBe('how many people were on board before it stalled?');
    expect(writtenOut('Whats the govt saying')).toBe("what's the government saying");
    expect(writtenOut("was it w/ the govt's help")).toBe("was it with the government's help");
    expect(writtenOut('what did u.s. officials say')).toBe('what did u.s. officials say');
    expect(writtenOut('did U.S. and N Korea talk about R&D')).toBe('did U.S. and N Korea talk about R&D');
    expect(writtenOut('y did it stop')).toBe('why did it stop');
    expect(writtenOut('what did george r. r. martin say')).toBe('what did george r. r. martin say');
    expect(writtenOut('')).toBe('');
    expect(writtenOut('@everyone ppl 🚢 u ok?')).toBe('@everyone people 🚢 you ok?');
    // "pm" is a prime minister, except as a time of day.
    expect(writtenOut('did the uk pm say anything')).toBe('did the uk prime minister say anything');
    expect(writtenOut('what did the pms agree')).toBe('what did the prime ministers agree');
    expect(writtenOut('did it open at 5 pm or 6pm')).toBe('did it open at 5 pm or 6pm');
    expect(writtenOut('was it 9 PM')).toBe('was it 9 PM');
    // News shorthand: an evacuation, a temperature, a headquarters.
    expect(writtenOut('what time did the evac order kick in')).toBe('what time did the evacuation order kick in');
    expect(writtenOut('at what temp r they supposed to stop')).toBe('at what temperature are they supposed to stop');
    expect(writtenOut("where is delta's hq")).toBe("where is delta's headquarters");
    // A press conference and an identification, as chat writes them.
    expect(writtenOut('where was the mayor giving her pressers')).toBe('where was the mayor giving her press conferences');
    expect(writtenOut('how many victims have been ided')).toBe('how many victims have been identified');
    expect(writtenOut("was the driver id'd")).toBe('was the driver identified');
  });

  it('answers shorthand as it answers the words written out', async () => {
    const typed = await ask(deps(), 'how many ppl were in the cable car');
    const full = await ask(deps(), 'how many people were in the cable car');
    expect(typed.answered, text(typed)).toBe(true);
    expect(typed.short?.text, text(typed)).toMatch(/^14 passengers \[\d+\]$/);
    expect(typed.short?.text).toBe(full.short?.text);
    const price = await ask(deps(), 'whats the price of a ticket');
    expect(price.short?.text, text(price)).toMatch(/^40 euros \[\d+\]$/);
    const wait = await ask(deps(), 'how many hrs b4 rescuers reached the cabin');
    expect(wait.short?.text, text(wait)).toMatch(/^nine hours \[\d+\]$/);
    const pm = await ask(deps(), 'did the pm say anything');
    expect(pm.answered, text(pm)).toBe(true);
    expect(text(pm)).toContain('Prime Minister Ilse Varo thanked the rescuers');
    const temp = await ask(deps(), 'what was the temp in the cabin overnight');
    expect(temp.answered, text(temp)).toBe(true);
    expect(text(temp)).toContain('fell to 3 degrees overnight');
  }, 60_000);
});
