/**
 * The report's two chart kinds as inline SVG strings: horizontal bars (sizes, throughput) and
 * horizontal box plots (latency distributions). No library and nothing fetched: the HTML report must
 * open from disk, offline.
 */
import type { Distribution } from '../stats.ts';

export interface Goal {
  value: number;
  label: string;
}

export interface BarGroup {
  label: string;
  ours: boolean;
  bars: { series: string; value: number }[];
}

export interface BoxRow {
  label: string;
  ours: boolean;
  dist: Distribution;
}

const width = 820;
const labelWidth = 220;
const plotWidth = 440;
const colors = {
  ours: ['#047857', '#6ee7b7'],
  peer: ['#1d4ed8', '#93c5fd'],
  goal: '#dc2626',
  axis: '#9ca3af',
  text: '#111827',
};

export function barChart(options: { title: string; groups: BarGroup[]; format: (value: number) => string; goal?: Goal }): string {
  const barHeight = 16;
  const gap = 4;
  const groupGap = 14;
  const top = 30;
  const values = options.groups.flatMap((group) => group.bars.map((bar) => bar.value));
  const scale = linearScale(Math.max(...values, options.goal?.value ?? 0));
  let y = top;
  const parts: string[] = [];
  for (const group of options.groups) {
    const groupHeight = group.bars.length * (barHeight + gap) - gap;
    parts.push(text(labelWidth - 8, y + groupHeight / 2 + 4, group.label, 'end', group.ours ? 'bold' : 'normal'));
    group.bars.forEach((bar, i) => {
      const palette = group.ours ? colors.ours : colors.peer;
      const barWidth = Math.max(1, scale.x(bar.value));
      parts.push(`<rect x="${labelWidth}" y="${y}" width="${barWidth.toFixed(1)}" height="${barHeight}" fill="${palette[i % 2]}"><title>${escapeXml(`${group.label} ${bar.series}: ${options.format(bar.value)}`)}</title></rect>`);
      parts.push(text(labelWidth + barWidth + 4, y + barHeight - 4, `${options.format(bar.value)} ${bar.series}`, 'start', 'normal', 11));
      y += barHeight + gap;
    });
    y += groupGap - gap;
  }
  return frame(options.title, y + 24, top, y, scale, options.format, parts, options.goal);
}

export function boxPlot(options: { title: string; rows: BoxRow[]; format: (value: number) => string; goal?: Goal }): string {
  const rowHeight = 34;
  const top = 30;
  const scale = linearScale(Math.max(...options.rows.map((row) => row.dist.max), options.goal?.value ?? 0));
  const parts: string[] = [];
  options.rows.forEach((row, i) => {
    const mid = top + i * rowHeight + rowHeight / 2;
    const [dark, light] = row.ours ? colors.ours : colors.peer;
    const { min, q1, median, q3, p95, max, n } = row.dist;
    const x = (value: number) => (labelWidth + scale.x(value)).toFixed(1);
    parts.push(text(labelWidth - 8, mid + 4, row.label, 'end', row.ours ? 'bold' : 'normal'));
    parts.push(`<g><title>${escapeXml(`${row.label} (n = ${n}): min ${options.format(min)}, median ${options.format(median)}, p95 ${options.format(p95)}, max ${options.format(max)}`)}</title>`);
    parts.push(`<line x1="${x(min)}" x2="${x(max)}" y1="${mid}" y2="${mid}" stroke="${dark}"/>`);
    parts.push(`<line x1="${x(min)}" x2="${x(min)}" y1="${mid - 6}" y2="${mid + 6}" stroke="${dark}"/>`);
    parts.push(`<line x1="${x(max)}" x2="${x(max)}" y1="${mid - 6}" y2="${mid + 6}" stroke="${dark}"/>`);
    parts.push(`<rect x="${x(q1)}" y="${mid - 10}" width="${Math.max(1, scale.x(q3) - scale.x(q1)).toFixed(1)}" height="20" fill="${light}" stroke="${dark}"/>`);
    parts.push(`<line x1="${x(median)}" x2="${x(median)}" y1="${mid - 10}" y2="${mid + 10}" stroke="${dark}" stroke-width="3"/>`);
    parts.push(`<path d="M${x(p95)} ${mid - 5} l5 5 l-5 5 l-5 -5 z" fill="${dark}"/>`);
    parts.push('</g>');
    parts.push(text(labelWidth + plotWidth + 8, mid + 4, `${options.format(median)} · p95 ${options.format(p95)}`, 'start', 'normal', 11));
  });
  const bottom = top + options.rows.length * rowHeight;
  const legend = text(labelWidth, bottom + 40, 'whiskers: min–max · box: quartiles · bar: median · ◆: p95', 'start', 'normal', 11);
  return frame(options.title, bottom + 50, top, bottom, scale, options.format, [...parts, legend], options.goal);
}

function frame(title: string, height: number, top: number, bottom: number, scale: Scale, format: (value: number) => string, parts: string[], goal?: Goal): string {
  const axis: string[] = [`<line x1="${labelWidth}" x2="${labelWidth}" y1="${top - 4}" y2="${bottom}" stroke="${colors.axis}"/>`];
  for (const tick of scale.ticks) {
    const x = labelWidth + scale.x(tick);
    axis.push(`<line x1="${x.toFixed(1)}" x2="${x.toFixed(1)}" y1="${bottom}" y2="${bottom + 4}" stroke="${colors.axis}"/>`);
    axis.push(text(x, bottom + 16, format(tick), 'middle', 'normal', 10));
  }
  if (goal) {
    const x = (labelWidth + scale.x(goal.value)).toFixed(1);
    axis.push(`<line x1="${x}" x2="${x}" y1="${top - 8}" y2="${bottom}" stroke="${colors.goal}" stroke-dasharray="4 3"/>`);
    axis.push(`<text x="${x}" y="${top - 12}" text-anchor="middle" font-size="11" fill="${colors.goal}">${escapeXml(goal.label)}</text>`);
  }
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(title)}" font-family="system-ui, sans-serif">` +
    `<title>${escapeXml(title)}</title>${axis.join('')}${parts.join('')}</svg>`
  );
}

interface Scale {
  x: (value: number) => number;
  ticks: number[];
}

/** 0 to a round maximum, with 1-2-5 steps, so the axis reads without a legend. */
function linearScale(maxValue: number): Scale {
  const rough = Math.max(maxValue, 1e-9) / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= rough)!;
  const top = Math.ceil((maxValue * 1.05) / step) * step || step;
  const ticks: number[] = [];
  for (let tick = 0; tick <= top + step / 2; tick += step) ticks.push(Math.round(tick * 1e6) / 1e6);
  return { x: (value) => (value / top) * plotWidth, ticks };
}

function text(x: number, y: number, content: string, anchor: 'start' | 'middle' | 'end', weight: 'normal' | 'bold', size = 12): string {
  return `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" text-anchor="${anchor}" font-size="${size}" font-weight="${weight}" fill="${colors.text}">${escapeXml(content)}</text>`;
}

export function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
