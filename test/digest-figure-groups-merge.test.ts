/**
 * Key figures group the counts of one thing across wordings: "46 trucks", "12 fire trucks" and "9 rescue
 * trucks" are one group (the parts are kinds of the whole). A group that takes in two others stays in the
 * digest: it was once compared with itself on a second pass and dropped, so the story's main count vanished.
 * Groups are now compared through the words they share, so a corpus of thousands of counts stays fast; the
 * merge itself is tested here on a story of our own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digest } from '../src/engines/digest.js';
import type { Answer } from '../src/types.js';
import { makeDeps, removeDir, tempDir, writeArticle } from './digest-fixtures.js';

const STORM: Record<string, string> = {
  'a.md': `---
title: Ice storm shuts the valley roads
outlet: The Orrel Courier
date: 2026-02-02
---
The county sent 46 trucks to clear fallen trees after the ice storm closed every road into the Orrel valley on Sunday.

Crews worked through the night, and officials said the main highway should reopen by Tuesday morning.
`,
  'b.md': `---
title: Firefighters join the storm clean-up
outlet: Valley Radio
date: 2026-02-03
---
The fire service sent 12 fire trucks to the valley on Monday to help with the storm clean-up.

Chief Mara Ellison said the crews would stay until the last road was open.
`,
  'c.md': `---
title: Rescue teams reach cut-off farms
outlet: Northern Post
date: 2026-02-04
---
The regional rescue authority sent 9 rescue trucks to reach farms cut off by the ice storm on Tuesday.

No injuries were reported, the authority said.
`,
  'd.md': `---
title: Power returns to most of the valley
outlet: The Orrel Courier
date: 2026-02-05
---
Power returned to most homes in the Orrel valley on Wednesday after the ice storm, the utility said.

About 300 homes were still without power, and the utility sent 3 repair trucks to the hills.
`,
};

const section = (a: Answer, heading: string) => a.sections!.find((s) => s.heading.startsWith(heading));

describe('digest key figures: a group that takes in two others', () => {
  let dir: string;
  let a: Answer;
  beforeAll(async () => {
    dir = tempDir();
    for (const [name, text] of Object.entries(STORM)) writeArticle(dir, name, text, new Date('2026-02-06T12:00:00Z'));
    a = await digest(await makeDeps(dir), { chartDir: null });
  });
  afterAll(() => removeDir(dir));

  it('keeps the trucks line, with the whole and its parts cited', () => {
    const f = section(a, 'Key figures')?.text ?? '';
    const trucks = f.split('\n').find((l) => /\b46 trucks\b/.test(l));
    expect(trucks, f).toBeDefined();
    expect(trucks).toMatch(/12 fire trucks/);
    expect(trucks).toMatch(/9 rescue trucks/);
    // Each reading once: a group merged with itself would list every figure twice.
    expect(trucks!.match(/46 trucks/g)).toHaveLength(1);
  });
});
