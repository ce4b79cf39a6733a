import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bucketStart, CHART_THEME, timeChartSvg, type TimeChartSpec } from '../src/chart/svg.js';
import { readPngSize, svgToPng, writePng } from '../src/chart/png.js';
import { digestChartSpec } from '../src/engines/digest.js';
import { tempDir, removeDir } from './digest-fixtures.js';

const spec: TimeChartSpec = {
  title: 'Dated events per day',
  subtitle: 'River Alder flood · 1 Mar 2024 – 6 Mar 2024',
  yLabel: 'events',
  xLabel: 'events per day',
  markerLabel: 'articles published',
  bucket: 'day',
  bars: [
    { date: '2024-03-01', value: 1 },
    { date: '2024-03-02', value: 4 },
    { date: '2024-03-04', value: 2 },
    { date: '2024-03-06', value: 1 },
  ],
  markers: [
    { date: '2024-03-02', count: 1 },
    { date: '2024-03-04', count: 2 },
  ],
};

describe('chart', () => {
  it('SVG snapshot (dark theme, axis labels, dates, markers)', () => {
    const svg = timeChartSvg(spec);
    expect(svg).toContain(`fill="${CHART_THEME.background}"`);
    expect(svg).toContain('>events</text>'); // y-axis label
    for (const d of ['1 Mar', '2 Mar', '3 Mar', '4 Mar', '5 Mar', '6 Mar']) expect(svg).toContain(`>${d}</text>`); // every day, empty ones too
    expect(svg).toMatchSnapshot();
  });

  it('every label is at least 14 px tall at the width Discord shows an embed image (400 px)', () => {
    for (const svg of [timeChartSvg(spec), timeChartSvg({ ...spec, bucket: 'month', bars: [{ date: '2024-01-01', value: 30 }, { date: '2024-12-01', value: 7 }] })]) {
      const viewBoxWidth = Number(/viewBox="0 0 (\d+) \d+"/.exec(svg)![1]);
      const shownScale = Math.min(400, viewBoxWidth) / viewBoxWidth;
      const sizes = [...svg.matchAll(/font-size="(\d+(?:\.\d+)?)"/g)].map((m) => Number(m[1]) * shownScale);
      expect(sizes.length).toBeGreaterThan(5);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(14);
    }
  });

  it('renders a valid PNG of sensible size, with text drawn (a font was found)', () => {
    const png = svgToPng(timeChartSvg(spec));
    expect(readPngSize(png.data)).toEqual({ width: 800, height: 600 });
    expect(png.data.length).toBeGreaterThan(5_000);
    expect(png.data.length).toBeLessThan(500_000); // well under Discord's attachment limit
    // Without a font the title area would be plain background: compare against a chart with no text.
    const bare = svgToPng(timeChartSvg(spec).replace(/<text[^]*?<\/text>/g, ''));
    expect(png.data.length).toBeGreaterThan(bare.data.length + 2_000);
  });

  it('writes the PNG to a file and reads back its size', () => {
    const dir = tempDir();
    const file = writePng(svgToPng(timeChartSvg(spec)), dir, 'chart/../x y.png');
    expect(file.startsWith(dir)).toBe(true);
    const buf = readFileSync(file);
    expect(buf.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(readPngSize(buf)).toEqual({ width: 800, height: 600 });
    expect(readPngSize(Buffer.from('not a png at all, no'))).toBeNull();
    removeDir(dir);
  });

  it('escapes text and survives empty data', () => {
    const svg = timeChartSvg({ ...spec, title: 'A <b>&"quoted"</b> title', bars: [], markers: [] });
    expect(svg).toContain('A &lt;b&gt;&amp;&quot;quoted&quot;&lt;/b&gt; title');
    expect(svg).toContain('No dated items to chart');
    expect(readPngSize(svgToPng(svg).data)).toEqual({ width: 800, height: 600 });
  });

  it('weeks start on Monday; months on the 1st', () => {
    expect(bucketStart('2025-11-05', 'week')).toBe('2025-11-03');
    expect(bucketStart('2025-11-02', 'week')).toBe('2025-10-27');
    expect(bucketStart('2025-11-05', 'month')).toBe('2025-11-01');
  });

  it('digest chart: month buckets when some dates are month-only, old outliers clipped', () => {
    const s = digestChartSpec('Story', [{ date: '1983' }, { date: '2025-08' }, { date: '2025-10-24' }, { date: '2025-11-02' }], ['2025-11-02', '2025-11-05']);
    expect(s.bucket).toBe('month');
    expect(s.bars.map((b) => b.date).sort()).toEqual(['2025-08-01', '2025-10-24', '2025-11-02']);
    expect(s.subtitle).toBe('Aug 2025 – Nov 2025 (1 earlier not shown) · Story');
    const daily = digestChartSpec('Flood', [{ date: '2024-03-02' }, { date: '2024-03-04' }], ['2024-03-04']);
    expect(daily.bucket).toBe('day');
  });
});
