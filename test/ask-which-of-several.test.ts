/**
 * "which airport was that kiosk at" (issue #12), found on real news (an airline outage) and checked on text written here:
 * a singular dictionary noun right after "which" or "what" that ends the names of two or more entities ("Velmar Harbour
 * Airport", "Ostra Field Airport") asks which of them — it is the kind of thing asked, not one of those names. It was read
 * as the most mentioned airport, so the question had no head noun and no short answer. A noun only one name ends with
 * ("what sea" with one sea named) still names that entity.
 */
import { describe, expect, it } from 'vitest';
import { ask } from '../src/engines/ask.js';
import { parseQuestion } from '../src/evidence/question.js';
import { answerText, storyDeps } from './helpers/story.js';

const FILES: Record<string, string> = {
  '01_air-wire.txt': `19 July 2031\n\nCheck-in screens go dark\n\nA Skylark Air kiosk shows an error message as travellers queue at Velmar Harbour Airport on Friday.\n\nFlights were also held at Ostra Field Airport, where staff checked passengers in by hand.\n\nOstra Field Airport said most flights left within two hours.\n`,
  '02_coast-news.txt': `20 July 2031\n\nFerries run as planes wait\n\nFerries crossed the Grey Sea on schedule while the airports struggled.\n\nThe Grey Sea crossing takes four hours.\n`,
};

const deps = storyDeps(FILES);

describe('"which <noun>" where several names end with the noun', () => {
  it('asks which of them: the noun is the head, no entity is named', () => {
    const q = parseQuestion(deps(), 'which airport was that kiosk at');
    expect(q.head?.text).toBe('airport');
    expect(q.kind).toBe('place');
    expect(q.entities).toEqual([]);
  });

  it('answers with the one the kiosk was at', async () => {
    const a = await ask(deps(), 'which airport was that kiosk at');
    expect(a.answered, answerText(a)).toBe(true);
    expect(a.short?.text).toContain('Velmar Harbour Airport');
  });

  it('a noun only one name ends with still names it', () => {
    const q = parseQuestion(deps(), 'what sea did the ferries cross');
    expect(q.entities.flatMap((e) => e.entities.map((x) => x.name))).toContain('Grey Sea');
  });
});
