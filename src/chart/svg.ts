/**
 * A small, dependency-free SVG bar chart over time, drawn for Discord's dark theme
 * (background #2b2d31, light text, blurple bars). Pure: data in, SVG string out,
 * so its output can be snapshot-tested and rendered by any SVG rasteriser.
 */

/** One bar: a count for one time bucket. */
export interface ChartBar {
  /** Bucket start, `YYYY-MM-DD`. */
  date: string;
  value: number;
}

/** A point-in-time marker under the axis (e.g. an article published that day). */
export interface ChartMarker {
  date: string;
  count: number;
}

export type Bucket = 'day' | 'week' | 'month';

export interface TimeChartSpec {
  title: string;
  subtitle?: string;
  yLabel: string;
  xLabel: string;
  bucket: Bucket;
  bars: ChartBar[];
  markers?: ChartMarker[];
  markerLabel?: string;
  /** Layout size in the units Discord displays (default CHART_DISPLAY: 400 × 300). */
  width?: number;
  height?: number;
  /** Pixels per layout unit in the PNG (default 2). */
  scale?: number;
}

/** Colours chosen for contrast on Discord's dark theme. */
export const CHART_THEME = {
  background: '#2b2d31',
  text: '#dbdee1',
  muted: '#949ba4',
  grid: '#3f4147',
  bar: '#5865f2',
  marker: '#f0b232',
  font: "'DejaVu Sans', 'Liberation Sans', Arial, sans-serif",
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAY_MS = 86_400_000;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const dayMs = (iso: string) => Date.parse(`${iso.slice(0, 10)}T00:00:00Z`);
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The start of the bucket containing `iso` (weeks start on Monday). */
export function bucketStart(iso: string, bucket: Bucket): string {
  const d = new Date(dayMs(iso));
  if (bucket === 'month') return `${iso.slice(0, 7)}-01`;
  if (bucket === 'week') {
    const back = (d.getUTCDay() + 6) % 7;
    return isoDay(d.getTime() - back * DAY_MS);
  }
  return iso.slice(0, 10);
}

function nextBucket(iso: string, bucket: Bucket): string {
  const d = new Date(dayMs(iso));
  if (bucket === 'month') return isoDay(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));
  return isoDay(d.getTime() + (bucket === 'week' ? 7 : 1) * DAY_MS);
}

/** Short axis label for a bucket: "3 Nov", "Nov 2025" (year shown at the first tick and when it changes). */
function tickLabel(iso: string, bucket: Bucket, prev: string | undefined): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  if (bucket === 'month') return !prev || prev.slice(0, 4) !== iso.slice(0, 4) ? `${MONTHS[m - 1]} ${y}` : MONTHS[m - 1]!;
  return `${d} ${MONTHS[m - 1]}`;
}

/** A "nice" axis maximum and step for counts. */
function niceScale(max: number): { top: number; step: number } {
  if (max <= 5) return { top: Math.max(1, max), step: 1 };
  const rough = max / 5;
  const mag = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((f) => f * mag).find((s) => s >= rough)!;
  return { top: Math.ceil(max / step) * step, step };
}

/**
 * How the chart is drawn: laid out in the units Discord shows an embed image at (at most
 * 400 px wide, about 300 tall), so a 14-unit font reads as 14 px on screen; the PNG is
 * rendered `scale` times larger for sharp text on dense screens.
 */
export const CHART_DISPLAY = { width: 400, height: 300, scale: 2, minFont: 14 } as const;

/** Roughly how wide `text` is at `size` (DejaVu Sans averages a little over half an em). */
const textWidth = (text: string, size: number) => text.length * size * 0.58;

/** `text` shortened with an ellipsis to fit `width` at `size`. */
function fit(text: string, size: number, width: number): string {
  const max = Math.max(4, Math.floor(width / (size * 0.58)));
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** Render the chart as an SVG document. Every bucket between the first and last is drawn, empty ones as gaps. */
export function timeChartSvg(spec: TimeChartSpec): string {
  const W = spec.width ?? CHART_DISPLAY.width;
  const H = spec.height ?? CHART_DISPLAY.height;
  const scale = spec.scale ?? CHART_DISPLAY.scale;
  const t = CHART_THEME;
  const F = CHART_DISPLAY.minFont;
  const m = { left: 40, right: 12, top: spec.subtitle ? 70 : 50, bottom: spec.markers?.length ? 68 : 48 };
  const plotW = W - m.left - m.right;
  const plotH = H - m.top - m.bottom;

  const all = [...spec.bars.map((b) => b.date), ...(spec.markers ?? []).map((k) => k.date)].map((d) => bucketStart(d, spec.bucket)).sort();
  const buckets: string[] = [];
  if (all.length) {
    for (let b = all[0]!; b <= all[all.length - 1]! && buckets.length < 400; b = nextBucket(b, spec.bucket)) buckets.push(b);
  }
  const values = new Map<string, number>();
  for (const bar of spec.bars) {
    const k = bucketStart(bar.date, spec.bucket);
    values.set(k, (values.get(k) ?? 0) + bar.value);
  }
  const markers = new Map<string, number>();
  for (const mk of spec.markers ?? []) {
    const k = bucketStart(mk.date, spec.bucket);
    markers.set(k, (markers.get(k) ?? 0) + mk.count);
  }
  const maxValue = Math.max(0, ...values.values());
  const { top, step } = niceScale(maxValue);
  const slot = buckets.length ? plotW / buckets.length : plotW;
  const barW = Math.max(2, Math.min(32, slot * 0.7));
  const y = (v: number) => m.top + plotH - (v / top) * plotH;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W * scale}" height="${H * scale}" viewBox="0 0 ${W} ${H}" font-family="${t.font}">`);
  out.push(`<rect width="${W}" height="${H}" fill="${t.background}"/>`);
  out.push(`<text x="12" y="22" font-size="${F + 2}" font-weight="bold" fill="${t.text}">${esc(fit(spec.title, F + 2, W - 24))}</text>`);
  if (spec.subtitle) out.push(`<text x="12" y="42" font-size="${F}" fill="${t.muted}">${esc(fit(spec.subtitle, F, W - 24))}</text>`);

  // Horizontal grid and y-axis labels (a label per grid line while they stay apart).
  const labelEvery = Math.max(1, Math.ceil((F + 4) / ((step / top) * plotH)));
  for (let v = 0, i = 0; v <= top; v += step, i++) {
    const yy = y(v).toFixed(1);
    out.push(`<line x1="${m.left}" y1="${yy}" x2="${W - m.right}" y2="${yy}" stroke="${t.grid}" stroke-width="1"/>`);
    if (i % labelEvery === 0) out.push(`<text x="${m.left - 6}" y="${(y(v) + 5).toFixed(1)}" font-size="${F}" text-anchor="end" fill="${t.muted}">${v}</text>`);
  }
  out.push(
    `<text transform="translate(14 ${(m.top + plotH / 2).toFixed(1)}) rotate(-90)" font-size="${F}" text-anchor="middle" fill="${t.text}">${esc(fit(spec.yLabel, F, plotH))}</text>`,
  );

  // Bars, tick labels (thinned so they never overlap), markers.
  const widest = Math.max(0, ...buckets.map((b, i) => textWidth(tickLabel(b, spec.bucket, i ? buckets[i - 1] : undefined), F)));
  const maxTicks = Math.max(1, Math.floor(plotW / (widest + 10)));
  const every = Math.ceil(buckets.length / maxTicks);
  let prevLabelled: string | undefined;
  buckets.forEach((b, i) => {
    const cx = m.left + slot * (i + 0.5);
    const v = values.get(b) ?? 0;
    if (v > 0) {
      out.push(
        `<rect x="${(cx - barW / 2).toFixed(1)}" y="${y(v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(m.top + plotH - y(v)).toFixed(1)}" rx="2" fill="${t.bar}"><title>${b}: ${v}</title></rect>`,
      );
      if (barW >= textWidth(String(v), F)) out.push(`<text x="${cx.toFixed(1)}" y="${(y(v) - 4).toFixed(1)}" font-size="${F}" text-anchor="middle" fill="${t.text}">${v}</text>`);
    }
    if (i % every === 0) {
      out.push(`<text x="${cx.toFixed(1)}" y="${m.top + plotH + 18}" font-size="${F}" text-anchor="middle" fill="${t.muted}">${esc(tickLabel(b, spec.bucket, prevLabelled))}</text>`);
      prevLabelled = b;
    }
    const k = markers.get(b);
    if (k) {
      const my = m.top + plotH + 36;
      out.push(`<path d="M ${cx.toFixed(1)} ${my - 8} l 6 10 h -12 z" fill="${t.marker}"><title>${b}: ${k}</title></path>`);
      if (k > 1) out.push(`<text x="${(cx + 8).toFixed(1)}" y="${my + 2}" font-size="${F}" fill="${t.marker}">${k}</text>`);
    }
  });
  out.push(`<line x1="${m.left}" y1="${m.top + plotH}" x2="${W - m.right}" y2="${m.top + plotH}" stroke="${t.muted}" stroke-width="1.5"/>`);

  // Legend.
  const legendY = H - 10;
  const xLabel = fit(spec.xLabel, F, spec.markers?.length ? (W - 60) / 2 : W - 40);
  out.push(`<rect x="12" y="${legendY - 11}" width="12" height="12" rx="2" fill="${t.bar}"/>`);
  out.push(`<text x="30" y="${legendY}" font-size="${F}" fill="${t.text}">${esc(xLabel)}</text>`);
  if (spec.markers?.length) {
    const lx = 30 + textWidth(xLabel, F) + 16;
    out.push(`<path d="M ${(lx + 6).toFixed(1)} ${legendY - 11} l 6 10 h -12 z" fill="${t.marker}"/>`);
    out.push(`<text x="${(lx + 16).toFixed(1)}" y="${legendY}" font-size="${F}" fill="${t.text}">${esc(fit(spec.markerLabel ?? 'markers', F, W - lx - 20))}</text>`);
  }
  if (!buckets.length) {
    out.push(`<text x="${W / 2}" y="${m.top + plotH / 2}" font-size="${F + 2}" text-anchor="middle" fill="${t.muted}">No dated items to chart</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
