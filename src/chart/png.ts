/**
 * Rasterise chart SVG to PNG with @resvg/resvg-js (offline, no browser). Fonts:
 * DejaVu Sans ships with the machine image (fonts-dejavu-core); loading just that
 * file is much faster than scanning every system font, and we fall back to the
 * system scan when it is missing so text still renders somewhere else.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

const FONT_CANDIDATES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/dejavu/DejaVuSans-Bold.ttf',
  '/usr/share/fonts/TTF/DejaVuSans.ttf',
  '/usr/share/fonts/TTF/DejaVuSans-Bold.ttf',
];

let fontFiles: string[] | undefined;
function fonts(): string[] {
  fontFiles ??= FONT_CANDIDATES.filter((f) => existsSync(f));
  return fontFiles;
}

/** A rendered PNG with its pixel size. */
export interface Png {
  data: Buffer;
  width: number;
  height: number;
}

/** Render SVG to PNG. */
export function svgToPng(svg: string): Png {
  const files = fonts();
  const resvg = new Resvg(svg, {
    font: {
      loadSystemFonts: files.length === 0,
      fontFiles: files,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
    },
    logLevel: 'off',
  });
  const img = resvg.render();
  return { data: img.asPng(), width: img.width, height: img.height };
}

/** Where chart files go when no directory is given: the OS temp dir. */
export const defaultChartDir = () => path.join(os.tmpdir(), 'dispatch-charts');

/** Write a PNG under `dir` (created if needed) and return its absolute path. */
export function writePng(png: Png, dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  const file = path.resolve(dir, name.replace(/[^a-zA-Z0-9._-]/g, '_'));
  writeFileSync(file, png.data);
  return file;
}

/** PNG signature check and size read from the IHDR chunk (used by tests and the poster). */
export function readPngSize(buf: Buffer): { width: number; height: number } | null {
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (buf.length < 24 || !buf.subarray(0, 8).equals(sig) || buf.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}
