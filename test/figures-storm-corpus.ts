/**
 * A small story written for the figure tests (invented, not taken from any outlet): a storm
 * over three days, with clock times, wind speeds, evacuees, power and water outages, a
 * town's population, and people whose ages are given as "<Name>, 68," and "the 25-year-old".
 */
export const STORM_CORPUS: Record<string, string> = {
  '01_coastal-herald.md': `---
title: Storm Halvard nears the coast
date: 2031-09-14
outlet: Coastal Herald
---
Storm Halvard was expected to make landfall near Port Merrow at 8:30 p.m. on Sunday with winds of 150 mph, forecasters said.

More than 20,000 evacuees had left the coast by 10 p.m., according to the regional emergency office.

Port Merrow, a fishing town of 5,000 people, ordered everyone to leave.

Harbour master Ilse Brandvik, 68, said she had never seen the sea so high. "We have moved every boat we could," Brandvik said.

The town's youth rowing team, 14 rowers, sheltered in the school gym with their 25-year-old coach.
`,
  '02_valley-news.md': `---
title: Halvard knocks out power across the valley
date: 2031-09-15
outlet: Valley News
---
Storm Halvard caused about 120,000 power outages on Monday, the grid operator said.

About 3,000 water outages were also reported, the water board said.

The number of evacuees rose to 26,000 on Monday, the emergency office said.

The storm moved inland at 12 mph overnight and dumped 300 millimetres of rain on the hills.

Brandvik, who has run the harbour for 30 years, said the damage to the quay would take months to repair. The quay is 400 metres long.
`,
  '03_north-post.md': `---
title: Power returns as Halvard fades
date: 2031-09-16
outlet: North Post
---
By Tuesday there were still 40,000 power outages, the grid operator said.

Only 500 water outages remained by 6 p.m., the water board said.

The coach, Teodor Vass, said all 14 rowers were safe.

Vass, 25, has coached the team since 2029.

Rescuers found the missing ferry 12 miles from Port Merrow, with all 9 crew alive.
`,
};
