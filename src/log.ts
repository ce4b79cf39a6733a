/** The logger: pino, always to stderr (stdout belongs to CLI output). */
import { pino, type Logger } from 'pino';

export type { Logger };

export function createLogger(level = 'info'): Logger {
  return pino({ level, base: undefined }, pino.destination({ dest: 2, sync: true }));
}

/** A logger that discards everything (tests). */
export const silentLogger: Logger = pino({ level: 'silent' });
