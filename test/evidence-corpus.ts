/**
 * A small story written for the evidence tests (invented, not taken from any outlet): a dam
 * fails above three villages. Each answer type has a sentence that answers it — a count, a
 * sum, an age, a date, a clock time, a person, an organisation, a place, a cause, a list, a
 * name, a measure, a quotation — and some facts are deliberately missing (ages, costs and
 * dates the articles never give) so that refusals can name what is missing.
 */
export const DAM_CORPUS: Record<string, string> = {
  '01_valley-courier.md': `---
title: Kesta dam gives way above three villages
date: 2031-03-04
outlet: Valley Courier
---
The Kesta dam failed at 6:30 a.m. on Tuesday, sending a wall of water down the Tessa valley.

The dam is owned by Orvin Hydro Ltd, a regional power company.

The villages of Brenn, Marl and Ostby were evacuated before the water arrived.

Fire chief Daniel Okafor led the rescue from a command post at Marl school.

At least 340 homes were flooded, the district council said.

Engineers said the dam failed because of a crack in the spillway that had widened over the winter.
`,
  '02_north-ledger.md': `---
title: Evacuees spend a second night in Tessel
date: 2031-03-05
outlet: North Ledger
---
The number of evacuees rose to 1,200 on Wednesday, the council said.

Evacuees were taken to a sports hall in Tessel, a market town 20 kilometres to the south.

Structural engineer Marta Quillon, 52, said the crack had been reported in November.

"We were lucky that the warning came early," Okafor said.

The rescue boat Sea Wren carried 80 people from flooded farms near Ostby.

The dam is 45 metres high and held back a lake 12 kilometres long.
`,
  '03_river-times.md': `---
title: Repairs to Kesta dam will take two years
date: 2031-03-09
outlet: River Times
---
Repairs to the Kesta dam will cost an estimated $48 million, the council said on Monday.

No one was killed in the flood, officials said.

Quillon, who has inspected the dam since 2020, said the spillway would be rebuilt first.

Orvin Hydro said it would pay for temporary housing for the evacuees.
`,
};
