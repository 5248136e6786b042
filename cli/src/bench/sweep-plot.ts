/** One measured point of a rate sweep: what was offered, what came out, and how long it took. */
export interface SweepPoint {
  offeredPerSecond: number;
  confirmedPerSecond: number;
  p99Ms: number;
}

export interface SweepSeries {
  label: string;
  points: readonly SweepPoint[];
}

const width = 800;
const panelHeight = 260;
// the legend's room on the right: labels such as "embedded 3-item, 2 partitions"
const margin = { left: 64, right: 230, top: 36, bottom: 44 };
const colours = ['#1f6feb', '#d4631b', '#2da44e', '#8250df', '#cf222e', '#6e7781'];

const escapeXml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** 1, 2 or 5 times a power of ten: axis steps a reader can add up. */
export function niceStep(span: number, ticks: number): number {
  const raw = Math.max(span, 1e-9) / Math.max(1, ticks);
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((factor) => factor * power).find((candidate) => candidate >= raw);
  return step ?? 10 * power;
}

interface Panel {
  title: string;
  yLabel: string;
  y: (point: SweepPoint) => number;
  /** Draw the offered = confirmed diagonal (a topology keeping up lies on it). */
  diagonal: boolean;
}

function panel(series: readonly SweepSeries[], spec: Panel, top: number): string {
  const all = series.flatMap((line) => line.points);
  const xMax = Math.max(1, ...all.map((point) => point.offeredPerSecond));
  const yMax = Math.max(1, ...all.map(spec.y), ...(spec.diagonal ? [xMax] : []));
  const xStep = niceStep(xMax, 6);
  const yStep = niceStep(yMax, 5);
  const xEnd = Math.ceil(xMax / xStep) * xStep;
  const yEnd = Math.ceil(yMax / yStep) * yStep;
  const plotWidth = width - margin.left - margin.right;
  const plotHeight = panelHeight - margin.top - margin.bottom;
  const x = (value: number) => margin.left + (value / xEnd) * plotWidth;
  const y = (value: number) => top + margin.top + plotHeight - (value / yEnd) * plotHeight;
  const parts: string[] = [`<text x="${margin.left}" y="${top + 20}" font-weight="bold">${escapeXml(spec.title)}</text>`];
  for (let tick = 0; tick <= xEnd + 1e-9; tick += xStep) {
    parts.push(`<line x1="${x(tick)}" y1="${y(0)}" x2="${x(tick)}" y2="${y(yEnd)}" stroke="#eaeef2"/>`, `<text x="${x(tick)}" y="${y(0) + 16}" text-anchor="middle">${tick}</text>`);
  }
  for (let tick = 0; tick <= yEnd + 1e-9; tick += yStep) {
    parts.push(`<line x1="${x(0)}" y1="${y(tick)}" x2="${x(xEnd)}" y2="${y(tick)}" stroke="#eaeef2"/>`, `<text x="${x(0) - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`);
  }
  parts.push(
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(xEnd)}" y2="${y(0)}" stroke="#57606a"/>`,
    `<line x1="${x(0)}" y1="${y(0)}" x2="${x(0)}" y2="${y(yEnd)}" stroke="#57606a"/>`,
    `<text x="${margin.left + plotWidth / 2}" y="${y(0) + 34}" text-anchor="middle">offered orders/s</text>`,
    `<text transform="translate(16 ${y(yEnd / 2)}) rotate(-90)" text-anchor="middle">${escapeXml(spec.yLabel)}</text>`,
  );
  if (spec.diagonal) parts.push(`<line x1="${x(0)}" y1="${y(0)}" x2="${x(Math.min(xEnd, yEnd))}" y2="${y(Math.min(xEnd, yEnd))}" stroke="#8c959f" stroke-dasharray="4 4"><title>confirmed = offered</title></line>`);
  series.forEach((line, index) => {
    const colour = colours[index % colours.length];
    const points = [...line.points].sort((a, b) => a.offeredPerSecond - b.offeredPerSecond);
    parts.push(`<polyline fill="none" stroke="${colour}" stroke-width="2" points="${points.map((point) => `${x(point.offeredPerSecond).toFixed(1)},${y(spec.y(point)).toFixed(1)}`).join(' ')}"/>`);
    for (const point of points) parts.push(`<circle cx="${x(point.offeredPerSecond).toFixed(1)}" cy="${y(spec.y(point)).toFixed(1)}" r="3" fill="${colour}"><title>${escapeXml(`${line.label}: offered ${point.offeredPerSecond}/s → ${spec.y(point)}`)}</title></circle>`);
    parts.push(`<rect x="${width - margin.right + 12}" y="${top + margin.top + index * 18 - 9}" width="10" height="10" fill="${colour}"/>`, `<text x="${width - margin.right + 28}" y="${top + margin.top + index * 18}">${escapeXml(line.label)}</text>`);
  });
  return parts.join('\n');
}

/** Offered vs confirmed orders/s (with the diagonal) above offered vs placed→confirmed p99: where each topology saturates. */
export function sweepSvg(title: string, series: readonly SweepSeries[]): string {
  const height = 2 * panelHeight + 30;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, sans-serif" font-size="12" fill="#24292f">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${margin.left}" y="18" font-size="14" font-weight="bold">${escapeXml(title)}</text>`,
    panel(series, { title: 'confirmed orders/s', yLabel: 'confirmed/s', y: (point) => point.confirmedPerSecond, diagonal: true }, 20),
    panel(series, { title: 'placed → confirmed p99 (ms)', yLabel: 'p99 ms', y: (point) => point.p99Ms, diagonal: false }, 20 + panelHeight),
    '</svg>',
  ].join('\n');
}
