/**
 * The /ask golden set, written by hand from the five seed articles. `expect` lists
 * patterns that must ALL appear in the answer's quoted text; `source` (optional)
 * names a file that must be among the citations. `refuse: true` means the
 * articles do not answer it and the engine must say so.
 */
export interface GoldenQuestion {
  q: string;
  expect?: RegExp[];
  source?: string;
  refuse?: true;
}

export const GOLDEN_ASK: GoldenQuestion[] = [
  // facts
  { q: 'What did Trump say about the USS Gerald R. Ford?', expect: [/got to be somewhere|very big/], source: '001_080066696a52c0c3.txt' },
  { q: 'How many people have been killed in the boat strikes?', expect: [/more than 60|at least 61/] },
  { q: 'How many troops has the US deployed?', expect: [/4,500|10,000/] },
  { q: 'When did Hegseth order the Gerald R. Ford into the Caribbean?', expect: [/Oct\. 24/], source: '001_080066696a52c0c3.txt' },
  { q: 'Who is Geoff Ramsey?', expect: [/senior fellow at the Atlantic Council/] },
  { q: 'What did Peskov say?', expect: [/Peskov/, /contact with our Venezuelan friends|Hypothetically speaking|work very carefully/] },
  { q: 'What did Maduro ask Russia for?', expect: [/Russia/, /radars|military (aid|assistance|help)|assistance/] },
  { q: 'What did Mao Ning say about China’s cooperation with Venezuela?', expect: [/normal cooperation between sovereign states|not directed against any third party|opposes/] },
  { q: 'How much is the reward for Maduro’s capture?', expect: [/\$50 million|\$25 million/] },
  { q: 'What did Rubio say about the Miami Herald report?', expect: [/fake story|denied/] },
  { q: 'What is Cartel de los Soles accused of?', expect: [/500 tons of cocaine|drug/] },
  { q: 'How many tons of cocaine does Cartel de los Soles traffic?', expect: [/500 tons/] },
  { q: 'What did Peter Zeihan say about the Ford?', expect: [/100 percent more powerful|aircraft carrier/] },
  { q: 'When was the last time an American aircraft carrier took part in a mission in the Western Hemisphere?', expect: [/1983/] },
  { q: 'What did Velasquez seek from Iran?', expect: [/military equipment/] },
  { q: 'What did Trump say about going to war with Venezuela?', expect: [/I doubt it|don.t think so|going to war/] },
  { q: 'Are Maduro’s days numbered according to Trump?', expect: [/days are numbered|I.d say yes|I would say yes/] },
  { q: 'What did James Story say about an invasion?', expect: [/invasion/] },
  { q: 'How many F-35B fighters were deployed to Puerto Rico?', expect: [/10 F-35B/] },
  { q: 'How many vessels will the US military soon have in the region?', expect: [/13 vessels/] },
  { q: 'What did Michael Flynn suggest?', expect: [/exile in Moscow|days are numbered/] },
  { q: 'What did the Russian Foreign Ministry condemn?', expect: [/excessive military force/] },
  { q: 'What did Karoline Leavitt say?', expect: [/every element of American power/] },
  { q: 'How many B-52 bombers missions were flown near Venezuela?', expect: [/B-52/] },
  { q: 'What equipment did Venezuela ask Iran for?', expect: [/drones|GPS scramblers|passive detection|military equipment/] },
  { q: 'What did Maduro say about Marco Rubio?', expect: [/stain your hands with blood|Rubio/] },
  { q: 'What happened on October 24?', expect: [/Hegseth/] },
  { q: 'What is the Cartel de los Soles?', expect: [/drug-trafficking organization|cocaine/] },
  { q: 'Who is Mao Ning?', expect: [/spokeswoman/] },
  { q: 'Where are the F-35B fighters based?', expect: [/Puerto Rico/] },
  { q: 'What did Pam Bondi announce?', expect: [/\$25 million reward/] },
  { q: 'Did Venezuela ask for GPS scramblers?', expect: [/GPS scramblers/, /his country needs/] },
  { q: 'How many F-35 fighters were sent to Puerto Rico?', expect: [/10 F-35B/] },
  { q: 'Is the CIA operating in Venezuela?', expect: [/CIA/, /covert operations/] },
  // refusals: the articles do not answer these
  { q: 'What is the capital of Iran?', refuse: true },
  { q: 'What is Maduro’s favorite food?', refuse: true },
  { q: 'Who won the 2022 World Cup?', refuse: true },
  { q: 'What is the population of Venezuela?', refuse: true },
  { q: 'How many nuclear weapons does China have?', refuse: true },
  { q: 'What did Pope Francis say about Venezuela?', refuse: true },
  { q: 'What is the price of oil?', refuse: true },
  { q: 'When did Maduro visit Beijing?', refuse: true },
  { q: 'How many submarines does Venezuela have?', refuse: true },
  // mentioned, but never quoted: a letter sent to someone is not something they said
  { q: 'What did Xi Jinping say?', refuse: true },
  { q: 'What did Vladimir Putin say?', refuse: true },
];

/** Follow-up pairs: the second question only makes sense with the first. */
export const GOLDEN_FOLLOWUPS: { first: string; then: string; expect: RegExp[] }[] = [
  { first: 'What did Trump tell 60 Minutes?', then: 'What did he say about Maduro’s days?', expect: [/yes/i] },
  { first: 'What did Maduro ask Russia for?', then: 'And China?', expect: [/China/] },
  { first: 'Who is Geoff Ramsey?', then: 'What did he say about regime change?', expect: [/regime change/] },
];
