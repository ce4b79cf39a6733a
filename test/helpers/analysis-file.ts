import { readFileSync, writeFileSync } from 'node:fs';

/** Where a named section of a persisted analysis file is: its first byte and its length (from the header line). */
export function sectionAt(file: string, name: string): { from: number; bytes: number } {
  const buf = readFileSync(file);
  const nl = buf.indexOf(10);
  const header = JSON.parse(buf.subarray(0, nl).toString('utf8')) as { sections: [string, number][] };
  let at = nl + 1;
  for (const [n, bytes] of header.sections) {
    if (n === name) return { from: at, bytes };
    at += bytes;
  }
  throw new Error(`no section ${name}`);
}

/** A per-article section of a persisted analysis file, parsed. */
export function sectionJson(file: string, name: string): Record<string, unknown> {
  const { from, bytes } = sectionAt(file, name);
  return JSON.parse(readFileSync(file).subarray(from, from + bytes).toString('utf8')) as Record<string, unknown>;
}

/**
 * Damages one entry of a per-article section in place: a sentence id in the middle of the section becomes one no
 * sentence has (same length: the header still fits). Returns where it wrote, inside the section.
 */
export function damageEntry(file: string, name: string): { at: number; from: number; bytes: number } {
  const { from, bytes } = sectionAt(file, name);
  const buf = readFileSync(file);
  const at = buf.indexOf('"s":"', from + Math.floor(bytes / 2));
  if (at >= 0 && at < from + bytes) {
    buf.write('"s":"#', at);
    writeFileSync(file, buf);
  }
  return { at, from, bytes };
}
