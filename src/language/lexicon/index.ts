/** The lexicon: typed tables of news English, one file each. Callers import from here. */
export * from './calendar.js';
export * from './chat.js';
export * from './denials.js';
export * from './hedges.js';
export * from './organisations.js';
export * from './pattern.js';
export * from './question-words.js';
export * from './relations.js';
export * from './speech-verbs.js';
export * from './stopwords.js';
export * from './titles.js';
export * from './units.js';
