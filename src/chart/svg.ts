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
  width?: number;
  height?: number;
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

/** Render the chart as an SVG document. Every bucket between the first and last is drawn, empty ones as gaps. */
export function timeChartSvg(spec: TimeChartSpec): string {
  const W = spec.width ?? 800;
  const H = spec.height ?? 400;
  const t = CHART_THEME;
  const m = { left: 64, right: 24, top: spec.subtitle ? 74 : 56, bottom: spec.markers?.length ? 96 : 72 };
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
  const barW = Math.max(2, Math.min(48, slot * 0.7));
  const y = (v: number) => m.top + plotH - (v / top) * plotH;

  const out: string[] = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${t.font}">`);
  out.push(`<rect width="${W}" height="${H}" fill="${t.background}"/>`);
  out.push(`<text x="${m.left}" y="32" font-size="20" font-weight="bold" fill="${t.text}">${esc(spec.title)}</text>`);
  if (spec.subtitle) out.push(`<text x="${m.left}" y="56" font-size="14" fill="${t.muted}">${esc(spec.subtitle)}</text>`);

  // Horizontal grid and y-axis labels.
  for (let v = 0; v <= top; v += step) {
    const yy = y(v).toFixed(1);
    out.push(`<line x1="${m.left}" y1="${yy}" x2="${W - m.right}" y2="${yy}" stroke="${t.grid}" stroke-width="1"/>`);
    out.push(`<text x="${m.left - 8}" y="${(y(v) + 5).toFixed(1)}" font-size="14" text-anchor="end" fill="${t.muted}">${v}</text>`);
  }
  out.push(
    `<text transform="translate(18 ${(m.top + plotH / 2).toFixed(1)}) rotate(-90)" font-size="14" text-anchor="middle" fill="${t.text}">${esc(spec.yLabel)}</text>`,
  );

  // Bars, tick labels (thinned so they never overlap), markers.
  const maxTicks = Math.max(1, Math.floor(plotW / 72));
  const every = Math.ceil(buckets.length / maxTicks);
  let prevLabelled: string | undefined;
  buckets.forEach((b, i) => {
    const cx = m.left + slot * (i + 0.5);
    const v = values.get(b) ?? 0;
    if (v > 0) {
      out.push(
        `<rect x="${(cx - barW / 2).toFixed(1)}" y="${y(v).toFixed(1)}" width="${barW.toFixed(1)}" height="${(m.top + plotH - y(v)).toFixed(1)}" rx="3" fill="${t.bar}"><title>${b}: ${v}</title></rect>`,
      );
      if (barW >= 14) out.push(`<text x="${cx.toFixed(1)}" y="${(y(v) - 6).toFixed(1)}" font-size="13" text-anchor="middle" fill="${t.text}">${v}</text>`);
    }
    if (i % every === 0) {
      out.push(`<text x="${cx.toFixed(1)}" y="${m.top + plotH + 22}" font-size="13" text-anchor="middle" fill="${t.muted}">${esc(tickLabel(b, spec.bucket, prevLabelled))}</text>`);
      prevLabelled = b;
    }
    const k = markers.get(b);
    if (k) {
      const my = m.top + plotH + 40;
      out.push(`<path d="M ${cx.toFixed(1)} ${my - 8} l 7 12 h -14 z" fill="${t.marker}"><title>${b}: ${k}</title></path>`);
      if (k > 1) out.push(`<text x="${(cx + 10).toFixed(1)}" y="${my + 4}" font-size="12" fill="${t.marker}">${k}</text>`);
    }
  });
  out.push(`<line x1="${m.left}" y1="${m.top + plotH}" x2="${W - m.right}" y2="${m.top + plotH}" stroke="${t.muted}" stroke-width="1.5"/>`);

  // Axis title and legend.
  const legendY = H - 16;
  out.push(`<rect x="${m.left}" y="${legendY - 11}" width="12" height="12" rx="2" fill="${t.bar}"/>`);
  out.push(`<text x="${m.left + 18}" y="${legendY}" font-size="13" fill="${t.text}">${esc(spec.xLabel)}</text>`);
  if (spec.markers?.length) {
    const lx = m.left + 18 + Math.min(360, spec.xLabel.length * 8 + 24);
    out.push(`<path d="M ${lx + 6} ${legendY - 11} l 7 12 h -14 z" fill="${t.marker}"/>`);
    out.push(`<text x="${lx + 18}" y="${legendY}" font-size="13" fill="${t.text}">${esc(spec.markerLabel ?? 'markers')}</text>`);
  }
  if (!buckets.length) {
    out.push(`<text x="${W / 2}" y="${m.top + plotH / 2}" font-size="16" text-anchor="middle" fill="${t.muted}">No dated items to chart</text>`);
  }
  out.push('</svg>');
  return out.join('\n');
}
