import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { endMarker, startMarker, writeReadmeTable } from '../src/report/readme.ts';
import { boxPlot, barChart } from '../src/report/svg.ts';
import { project } from '../src/measures/momo-wallet.ts';

describe('writeReadmeTable', () => {
  it('replaces only what is between the markers', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'bench-')), 'README.md');
    writeFileSync(file, `# Title\n\nprose\n\n${startMarker}\nold\n${endMarker}\n\nafter\n`);
    writeReadmeTable(file, '| new |');
    writeReadmeTable(file, '| newer |');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('prose');
    expect(text).toContain('after');
    expect(text).toContain('| newer |');
    expect(text).not.toContain('| new |');
    expect(text).not.toContain('old');
  });
});

describe('charts', () => {
  it('escape labels and draw one box per row', () => {
    const dist = { n: 3, min: 1, q1: 2, median: 3, q3: 4, p95: 5, max: 6, mean: 3 };
    const svg = boxPlot({ title: 'a <b>', rows: [{ label: 'x & y', ours: true, dist }], format: String });
    expect(svg).toContain('a &lt;b&gt;');
    expect(svg).toContain('x &amp; y');
    expect(svg.match(/<rect /g)).toHaveLength(1);
  });

  it('draw one bar per value with the goal line', () => {
    const svg = barChart({ title: 't', groups: [{ label: 'g', ours: false, bars: [{ series: 'gzip', value: 10 }, { series: 'brotli', value: 8 }] }], format: String, goal: { value: 12, label: 'goal' } });
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('stroke-dasharray');
  });
});

describe('prompt request projection', () => {
  it('counts ⌈300 / longest wait⌉ + 1 polls beside the other requests when every retrieve long-polls', () => {
    const log = [
      { method: 'POST', path: '/confirm', wait: null, atMs: 0 },
      { method: 'GET', path: '/p', wait: '30', atMs: 100 },
      { method: 'GET', path: '/p', wait: '25', atMs: 30_100 },
    ];
    expect(project(log, 35_000)).toEqual({ linear: 26, longPoll: 1 + 10 + 1, longPollWaitS: 30 });
  });

  it('falls back to the linear projection for short polling', () => {
    const log = Array.from({ length: 10 }, (_, i) => ({ method: 'GET', path: '/p', wait: null, atMs: i * 1000 }));
    expect(project(log, 10_000)).toEqual({ linear: 300, longPoll: null, longPollWaitS: null });
  });
});
