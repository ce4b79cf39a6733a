/**
 * Golden expectations for /verify and /compare on the five seed articles,
 * written by hand from reading them (not from the engine's output).
 *
 * Source ids are the three-digit prefixes of the seed files:
 *   000 — "US Prepared to Strike Venezuelan Military Bases…" (2025-11-02)
 *   001 — Miami Herald, "China backs Venezuela, Trump hints Maduro's end is near…"
 *   002 — "Maduro Urgently Seeks Military Aid…" (largely a copy of 000's second half)
 *   003 — "US Conducts Military Action Against Venezuelan Drug Vessel"
 *   004 — blue News, "Maduro allegedly asks China and Russia for military assistance" (2025-11-05)
 */
import type { Answer } from '../../src/types.js';

export type Verdict = NonNullable<Answer['verdict']>;

export interface GoldenClaim {
  claim: string;
  expect: Verdict;
  /** Why, from the articles (for the reader of a failure). */
  why: string;
}

export const GOLDEN_CLAIMS: GoldenClaim[] = [
  // --- supported ---
  { claim: 'US strikes have killed at least 61 suspected drug traffickers', expect: 'supported', why: "001: 'killing at least 61 suspected traffickers'" },
  { claim: "The US doubled the reward for Maduro's capture to $50 million", expect: 'supported', why: "001: 'doubled the $25 million reward'; 003: '$50 million reward'" },
  { claim: 'The Gerald R. Ford carrier strike group has more than 4,000 personnel', expect: 'supported', why: "001: 'with more than 4,000 personnel'" },
  { claim: 'Maduro asked Russia for military aid', expect: 'supported', why: "000/002/004 'reportedly' (hedged, per WaPo documents); 001 'Maduro directly appealed to Moscow'" },
  { claim: "Marco Rubio denied the Miami Herald's report", expect: 'supported', why: "000: Rubio 'denied the Florida newspaper's report' … 'referencing the Miami Herald'" },
  { claim: "Trump said Maduro's days are numbered", expect: 'supported', why: "001: 'I'd say yes, I think so'; 004 same" },
  { claim: 'The Pentagon deployed B-52 bombers near Venezuela', expect: 'supported', why: "000: 'deployed B-52 bombers to fly near the coast of Venezuela'" },
  { claim: 'Cartel de los Soles traffics roughly 500 tons of cocaine a year', expect: 'supported', why: "000: US officials accuse it of 'trafficking roughly 500 tons of cocaine … annually'" },
  { claim: 'Pete Hegseth ordered the Gerald R. Ford into the Caribbean', expect: 'supported', why: "001: 'Defense Secretary Pete Hegseth ordered the Gerald R. Ford … into the Caribbean'" },
  { claim: 'Ten F-35B fighters were sent to Puerto Rico in September', expect: 'supported', why: "001: 'In September … 10 F-35B fighters based at Ceiba Air Base in Puerto Rico'" },
  { claim: 'Maduro sent a letter to Xi Jinping', expect: 'supported', why: "000/002: 'is said to have sent a formal letter to Chinese President Xi Jinping'; 004 same (hedged)" },
  { claim: 'China said its cooperation with Venezuela is not directed against any third party', expect: 'supported', why: "001: Mao Ning: 'not directed against any third party'" },

  // --- contradicted ---
  { claim: 'US strikes on drug boats have killed 40 people', expect: 'contradicted', why: "000 'more than 60'; 001 'at least 61'" },
  { claim: "The reward for Maduro's capture is $10 million", expect: 'contradicted', why: '001/003: $50 million (doubled from $25 million)' },
  { claim: 'The US has deployed 20 warships to the Caribbean', expect: 'contradicted', why: "000: 'seven warships' (August); 001: 'eight warships' (soon)" },
  { claim: 'Cartel de los Soles traffics 2,000 tons of cocaine annually', expect: 'contradicted', why: "000: 'roughly 500 tons'" },
  { claim: 'The last time an American aircraft carrier took part in a mission in the Western Hemisphere was in 1990', expect: 'contradicted', why: "004: '…was in 1983'" },
  { claim: 'Peskov confirmed that Maduro requested military aid', expect: 'contradicted', why: "001: 'Peskov did not confirm The Washington Post's report'" },
  { claim: 'The Ford carrier strike group carries about 300 combat aircraft', expect: 'contradicted', why: "001: 'roughly 90 combat aircraft'" },
  { claim: 'The amphibious group sent in August had roughly 9,000 troops', expect: 'contradicted', why: "001: 'amphibious group of roughly 4,500 troops'; 000: '4,500 troops'" },
  { claim: 'Trump has already decided to strike Venezuela', expect: 'contradicted', why: "000/002: Trump said he's 'yet to make a final decision'; Rubio denied the report that he had" },
  { claim: 'Trump said he would tell a reporter if he was going to attack', expect: 'contradicted', why: "001: 'I wouldn't tell a reporter if I was going to attack or not'" },

  // --- partly supported ---
  { claim: 'Trump ruled out going to war with Venezuela', expect: 'partly supported', why: "001/004: 'I doubt it. I don't think so' — tentative, and he refused to confirm or deny plans" },
  { claim: 'Maduro asked Russia and North Korea for military aid', expect: 'partly supported', why: 'Russia: reported; North Korea: never mentioned' },
  { claim: 'Maduro sought military aid from Russia, China and Cuba', expect: 'partly supported', why: 'Russia, China: reported; Cuba: never mentioned' },

  // --- not addressed ---
  { claim: 'China has sent troops to Venezuela', expect: 'not addressed', why: "001: 'It is not known what type of aid China has provided'; nothing about troops from China" },
  { claim: 'Pope Francis visited Caracas', expect: 'not addressed', why: 'never mentioned' },
  { claim: 'The Venezuelan stock market crashed', expect: 'not addressed', why: 'never mentioned' },
  { claim: 'Venezuela has 500 fighter jets', expect: 'not addressed', why: "004 mentions maintaining 'Su.30MK2 fighter jets' but gives no count; the '10 F-35B fighters' are American" },
  { claim: 'Brazil closed its border with Venezuela', expect: 'not addressed', why: 'never mentioned' },
  { claim: 'The European Union imposed new sanctions on Venezuela', expect: 'not addressed', why: "only 002's passing 'US sanctions'; nothing about the EU" },
  { claim: 'Oil prices rose after the strikes', expect: 'not addressed', why: 'never mentioned' },

  // --- held out: written from the articles before the engine was run on them (first run: 13/15; the two
  //     conservative misses led to generic fixes: light verbs like "happen", compound claims split in parts) ---
  { claim: 'Mao Ning said China opposes the use or threat of force in international relations', expect: 'supported', why: "001: 'opposes the use or threat of force in international relations'" },
  { claim: 'The USS Iwo Jima landing ship is in the region', expect: 'supported', why: "004: 'the USS Iwo Jima landing ship is also in the region'" },
  { claim: 'Peter Zeihan said the Ford is 50 or 100 percent more powerful than the Nimitz carriers', expect: 'supported', why: '004: Zeihan quote' },
  { claim: 'Venezuela is preparing to buy Iranian drones', expect: 'supported', why: "004: 'is preparing to buy Iranian drones' (reportedly)" },
  { claim: "Two deportation flights land weekly at Venezuela's main international airport", expect: 'supported', why: "003: 'Reports suggest … two flights landing weekly' (hedged)" },
  { claim: 'James Story said he does not believe an invasion will happen', expect: 'supported', why: "003: 'The idea of there being an invasion, I don't believe to be true.' – James Story" },
  { claim: 'The US military will soon have 30 vessels in the region', expect: 'contradicted', why: "001: '13 vessels'" },
  { claim: 'Cartel de los Soles is accused of trafficking 50 tons of cocaine a year', expect: 'contradicted', why: "000: 'roughly 500 tons'" },
  { claim: 'In September, 40 F-35B fighters were deployed to Puerto Rico', expect: 'contradicted', why: "001: '10 F-35B fighters'" },
  { claim: 'Geoff Ramsey said the deployment is focused on regime change', expect: 'contradicted', why: "003: 'This is not a deployment focused on regime change.' – Geoff Ramsey" },
  { claim: 'Maduro asked Russia and Brazil for military help', expect: 'partly supported', why: 'Russia: reported; Brazil: never mentioned' },
  { claim: 'Peskov said Russia is in contact with Venezuela and will send troops', expect: 'partly supported', why: "001: 'We are in contact with our Venezuelan friends'; nothing about troops" },
  { claim: 'The United Nations Security Council condemned the US strikes', expect: 'not addressed', why: 'never mentioned (Russia condemned them, 004)' },
  { claim: 'Maduro fled to Cuba', expect: 'not addressed', why: 'never mentioned' },
  { claim: 'A US submarine was sunk near Venezuela', expect: 'not addressed', why: "001 lists 'a submarine' among the vessels; nothing about one sunk" },

  // --- held out, second batch: written before running (first run: 10/14; the misses led to generic fixes:
  //     "carried out" as a light verb, antonyms, a missing last conjunct, "…, and that …" split) ---
  { claim: 'Karoline Leavitt said the president is prepared to use every element of American power', expect: 'supported', why: '000: Leavitt quote' },
  { claim: 'The Kremlin acknowledged contacts with Venezuela', expect: 'supported', why: "001: 'The Kremlin on Sunday acknowledged “contacts” with Venezuela'" },
  { claim: 'Maduro accused the US of trying to overthrow him', expect: 'supported', why: "001: 'Maduro has repeatedly accused the U.S. of trying to overthrow him'" },
  { claim: 'The CIA was given the green light for covert operations in Venezuela', expect: 'supported', why: "004: 'the CIA was given the green light by the White House for covert operations in Venezuela'" },
  { claim: "Russia's Foreign Ministry condemned the use of excessive military force", expect: 'supported', why: "004: 'We strongly condemn the use of excessive military force,' the Foreign Ministry announced (support from Moscow)" },
  { claim: 'The carrier strike group has roughly 200 combat aircraft', expect: 'contradicted', why: "001: 'roughly 90 combat aircraft'" },
  { claim: 'The US has carried out 30 strikes on drug boats', expect: 'contradicted', why: "000: 'a series of 14 strikes on at least 14 drug boats'" },
  { claim: 'Trump first deployed 12 warships to the waters around Venezuela in August', expect: 'contradicted', why: "000: 'starting with seven warships'" },
  { claim: 'Mao Ning said China supports the use of force in international relations', expect: 'contradicted', why: "001: China 'opposes the use or threat of force in international relations'" },
  { claim: 'Maduro asked Russia for air defense systems and nuclear weapons', expect: 'partly supported', why: "004: 'Venezuela would like Russia to export air defense systems'; nothing about nuclear weapons" },
  { claim: "Trump said he doubts the US is going to war with Venezuela, and that Maduro's days are numbered", expect: 'supported', why: "001/004: 'I doubt it. I don't think so' and 'I'd say yes, I think so'" },
  { claim: 'Venezuela shot down a US drone', expect: 'not addressed', why: 'never mentioned' },
  { claim: 'Maduro resigned', expect: 'not addressed', why: 'never mentioned' },
  { claim: "Colombia's president criticized the strikes", expect: 'not addressed', why: 'Colombia never mentioned' },

  // --- held out, third batch (first run: 7/12; fixed generically since: a hedge counts only in the clause that says
  //     the claim, "Su-30MK2" ~ "Su.30MK2", a lone unknown name is not a partial match, a denial of a story does not
  //     refute that it was reported, a claim word the articles never use is looked for as its opposite: "very small"
  //     vs "It's very big"). ---
  { claim: 'Maduro said Venezuela and Russia are advancing in military cooperation', expect: 'supported', why: "001: Maduro confirmed … 'advancing' in … military cooperation" },
  { claim: 'Attorney General Pam Bondi announced the reward in August', expect: 'supported', why: "001: 'In August, Attorney General Pam Bondi announced …'" },
  { claim: 'Bondi announced the reward in June', expect: 'contradicted', why: '001: in August' },
  { claim: 'The US has deployed 20 F-35B fighters to Puerto Rico', expect: 'contradicted', why: "001: '10 F-35B fighters'" },
  { claim: 'The USS Gettysburg and USS Lake Erie cruisers have arrived near Venezuela', expect: 'supported', why: "001: 'The newly arrived USS Gettysburg and USS Lake Erie cruisers have joined other U.S. vessels already stationed near Venezuelan waters'" },
  { claim: 'Peskov said a meeting is possible but there is no need for it at the moment', expect: 'supported', why: '004: Peskov quote' },
  { claim: 'Venezuela wants Russia to maintain its Su-30MK2 fighter jets', expect: 'supported', why: "004: 'maintain Su.30MK2 fighter jets'" },
  { claim: 'Trump said the Gerald R. Ford is very small', expect: 'contradicted', why: "001: 'It's very big.'" },
  { claim: 'Maduro asked India for military aid', expect: 'not addressed', why: 'India never mentioned' },
  { claim: 'The Miami Herald first reported the story about the planned strikes', expect: 'supported', why: "000: 'according to the Miami Herald, which first reported the story'" },
  { claim: 'Geoff Ramsey is a senior fellow at the Atlantic Council', expect: 'supported', why: '003' },
  { claim: "Trump's secret directive was signed last July", expect: 'supported', why: "003: 'President Trump's secret directive, signed last July'" },
];

/** One side of an expected disagreement: a citation from `source` whose quote contains `includes`. */
export interface GoldenSide {
  source: string;
  includes: string;
}

export interface GoldenDisagreement {
  id: string;
  what: string;
  kind: 'figures' | 'denial' | 'hedge' | 'opinion';
  /** Every side must be cited by one and the same disagreement. */
  sides: GoldenSide[];
}

export const GOLDEN_DISAGREEMENTS: GoldenDisagreement[] = [
  {
    id: 'deaths',
    what: "People killed in the boat strikes: 'more than 60' (000, as of Friday) vs 'at least 61' (001, this week)",
    kind: 'figures',
    sides: [
      { source: '000', includes: 'more than 60' },
      { source: '001', includes: 'at least 61' },
    ],
  },
  {
    id: 'august-ships',
    what: "The first deployment in August: 'seven warships' (000) vs 'three destroyers' (001)",
    kind: 'figures',
    sides: [
      { source: '000', includes: 'seven warships' },
      { source: '001', includes: 'three destroyers' },
    ],
  },
  {
    id: 'aid-not-confirmed',
    what: "The Washington Post's report that Maduro asked Russia for military aid vs Peskov not confirming it",
    kind: 'denial',
    sides: [
      { source: '001', includes: 'did not confirm' },
      { source: '004', includes: 'reportedly asked Moscow' },
    ],
  },
  {
    id: 'cartel-leader',
    what: "Maduro and the Cartel de los Soles: 'allegedly led by Nicolás Maduro' (003) vs 'Bondi said Maduro heads the Cartel de los Soles' (001)",
    kind: 'hedge',
    sides: [
      { source: '003', includes: 'allegedly led by' },
      { source: '001', includes: 'Maduro heads the Cartel' },
    ],
  },
  {
    id: 'aid-firm-vs-hedged',
    what: "Maduro's appeal for aid: 'Maduro directly appealed to Moscow' (001, firm) vs 'Maduro is reportedly urgently reaching out' (000) / 'has reportedly asked' (004)",
    kind: 'hedge',
    sides: [
      { source: '001', includes: 'directly appealed to Moscow' },
      { source: '00', includes: 'reportedly' },
    ],
  },
  {
    id: 'regime-change',
    what: "The aim of the deployment: 'This is not a deployment focused on regime change' (003, Ramsey) vs analysts concluding 'the mission's ultimate aim is the removal of the Maduro regime' (001)",
    kind: 'opinion',
    sides: [
      { source: '003', includes: 'not a deployment focused on regime change' },
      { source: '001', includes: 'removal of the Maduro regime' },
    ],
  },
];

/**
 * Pairs the first golden list counted as disagreements that are not (QA, finding 7): the reward is $50 million in both
 * (001 says it was doubled from $25 million to $50 million, 003 says $50 million), so the same value is an agreement; and
 * Rubio denied the Herald's report "that Trump had already made a decision on the strikes", which no article states —
 * 001's "identified … potential bombing targets" is a different claim. /compare notes them, outside `disagreements`.
 */
export const GOLDEN_NOT_DISAGREEMENTS: GoldenDisagreement[] = [
  {
    id: 'reward',
    what: "The reward for Maduro: '$50 million … doubling the bounty once offered for Osama bin Laden' (003) vs 'doubled the $25 million reward' (001)",
    kind: 'figures',
    sides: [
      { source: '003', includes: '$50 million' },
      { source: '001', includes: 'doubled the $25 million' },
    ],
  },
  {
    id: 'herald-denial',
    what: "The Miami Herald's report on strike plans vs Rubio's denial ('fake story')",
    kind: 'denial',
    sides: [
      { source: '001', includes: 'Miami Herald and the Wall Street Journal reported' },
      { source: '000', includes: 'denied' },
    ],
  },
];

/** The near-duplicate pair /compare must show as such. */
export const GOLDEN_NEAR_DUPLICATE = { source: '002', within: '000' };

/**
 * A small unrelated corpus with planted differences, for tests that must not
 * depend on the seeds: a death toll (at least 12 vs 31), an aid pledge
 * ($5 million vs $50 million, cannot both be true), a report and its denial
 * (dam inspections), the same claim firm in one article and hedged
 * ("allegedly") in another, and a syndicated near-duplicate of the first.
 */
export const PLANTED_ARTICLES: Record<string, string> = {
  'a_ledger.md': `---
title: Riverton flood leaves town under water
outlet: Daily Ledger
date: 2024-03-10
---

Floods in Riverton killed at least 12 people on Saturday after the Kesh River dam failed, officials said.

Mayor Ana Lopez said 300 homes were destroyed in the lower town, where water reached the rooftops.

Governor Paul Henning pledged $5 million in emergency aid for the families who lost their homes.

Engineers warned the town council about cracks in the Kesh River dam in 2021, council minutes show.

The dam was built in 1962 and was last repaired in the 1990s.

The state will send 200 soldiers to help with the rescue and to clear the roads.
`,
  'b_herald.md': `---
title: Death toll rises in Riverton as questions mount over dam
outlet: Coast Herald
date: 2024-03-11
---

The flood has killed 31 people, according to the regional health office, which said dozens more were missing.

Governor Paul Henning pledged $50 million in emergency aid, his office said on Sunday.

The Valley Times reported that the Kesh River dam had not been inspected for ten years.

Mayor Ana Lopez denied the Valley Times report that the dam had not been inspected for ten years. "That story is false," she told reporters.

Volunteers from neighbouring towns filled sandbags through the night along the eastern bank.
`,
  'c_times.md': `---
title: Riverton dam warnings went unheeded, residents say
outlet: Valley Times
date: 2024-03-11
---

Engineers allegedly warned the town council about cracks in the Kesh River dam in 2021, according to people familiar with the meetings.

Residents of the lower town said the sirens sounded less than ten minutes before the water arrived.

Local shops have opened their doors to families who lost their homes.
`,
  'd_syndicated.md': `---
title: Riverton flood leaves town under water (wire copy)
outlet: Wire Service
date: 2024-03-10
---

Floods in Riverton killed at least 12 people on Saturday after the Kesh River dam failed, officials said.

Mayor Ana Lopez said 300 homes were destroyed in the lower town, where water reached the rooftops.

Governor Paul Henning pledged $5 million in emergency aid for the families who lost their homes.

Engineers warned the town council about cracks in the Kesh River dam in 2021, council minutes show.

The dam was built in 1962 and was last repaired in the 1990s.

The state will send 200 soldiers to help with the rescue and to clear the roads.

This article was distributed by a wire service.
`,
};

/**
 * A small unrelated corpus (a kettle recall) from QA: figures of counted nouns the lexicon does not know
 * ("about 40,000 electric kettles" vs "42,000 kettles", "23 reports of burns" vs "31 burn injuries"), and an
 * allegation by advocates denied by the chief executive. Four formats: markdown, text, HTML and an undated text.
 */
export const KETTLE_ARTICLES: Record<string, string> = {
  "a1_ledger.md": "---\ntitle: Riverton recalls 40,000 kettles after burn reports\ndate: 2026-03-14\nauthor: Jane Doe\noutlet: The Riverton Ledger\nurl: https://example.com/kettle-recall\n---\nRiverton Appliances on Tuesday recalled about 40,000 electric kettles after customers reported that the lids could pop open while the water was boiling.\n\nThe company said it had received 23 reports of burns, including two that required hospital treatment. \"We are deeply sorry and we are acting quickly,\" said chief executive Priya Raman.\n\nThe recall covers the KettlePro 2 model sold between June 2025 and February 2026. Customers should stop using the kettle and contact the company for a full refund, the Consumer Safety Board said.\n",
  "a2_wire.txt": "Kettle maker faces questions over delayed recall\n\nBy Tomás Ibáñez\nMonday, March 16, 2026\n\nConsumer advocates said Riverton Appliances knew about the faulty lids for months before it recalled 42,000 kettles last week.\n\nMark Okafor, director of the advocacy group SafeHome, said the company had received complaints as early as November 2025. \"They waited until someone was hurt badly,\" Okafor said.\n\nPriya Raman, the chief executive, denied that the company delayed the recall. She said engineers first confirmed the defect on March 2, 2026.\n\nThe Consumer Safety Board said it had counted 31 burn injuries linked to the KettlePro 2.\n\nRead more at: https://www.valleywire.example/news/kettle-recall-questions\n",
  "a3_blog.html": "<!doctype html>\n<html><head>\n<meta property=\"og:title\" content=\"What the kettle recall means for you\">\n<meta property=\"og:site_name\" content=\"HomeTech Blog\">\n<meta name=\"author\" content=\"Sam Lee\">\n<meta property=\"article:published_time\" content=\"2026-03-18T09:00:00Z\">\n<title>What the kettle recall means for you | HomeTech Blog</title>\n<script>var tracking = \"Priya Raman resigned\";</script>\n<style>.x{color:red}</style>\n</head><body>\n<nav>Home | Reviews | Deals</nav>\n<article>\n<h1>What the kettle recall means for you</h1>\n<p>If you bought a KettlePro 2, check the serial number on the base. Riverton Appliances says units with serial numbers starting with KP2-25 are affected.</p>\n<p>The refund is &pound;35 per kettle, the company said, and customers do not need a receipt.</p>\n<p>Share this article on Facebook</p>\n</article>\n<footer>&copy; 2026 HomeTech Blog. All rights reserved.</footer>\n</body></html>\n",
  "a4_undated.txt": "Riverton council debates appliance safety rules\n\nCouncillor Ana Müller proposed on Thursday that the town require independent safety testing for all appliances sold by local manufacturers.\n\n\"This recall shows that self-certification is not enough,\" Müller said. The council will vote on the proposal next month.\n\nRiverton Appliances employs about 1,200 people in the town.\n",
};
