/** The one dependencies object every engine takes. */
import type { Config } from './config.js';
import type { Logger } from './log.js';
import type { SearchIndex } from './index/search.js';
import type { Llm } from './llm/types.js';
import type { Store } from './store/index.js';
import type { Corpus } from './types.js';
import type { AnalysisSlot } from './analysis/file.js';

export interface Deps {
  corpus: Corpus;
  index: SearchIndex;
  store: Store;
  llm?: Llm;
  clock: () => Date;
  config: Config;
  log: Logger;
  /** Where the corpus analysis persists and what it reuses; engines read it through `analysisOf(deps)`. */
  analysis?: AnalysisSlot;
}
