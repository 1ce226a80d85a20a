import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureFramePayloads } from '../src/measures/frame-payload.ts';

function fakeDist(): string {
  const dist = mkdtempSync(path.join(tmpdir(), 'frames-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(
    path.join(dist, 'card.html'),
    '<script type="module" crossorigin src="/frames/assets/card.js"></script><link rel="modulepreload" href="/frames/assets/shared.js"><link rel="stylesheet" href="/frames/assets/card.css"><link rel="icon" href="/frames/assets/icon.png">',
  );
  writeFileSync(path.join(dist, 'assets/card.js'), 'import{a}from"./shared.js";import"./side.js";const m=()=>import("./three-ds.js");');
  writeFileSync(path.join(dist, 'assets/shared.js'), 'export const a=1;');
  writeFileSync(path.join(dist, 'assets/side.js'), 'console.log(1);');
  writeFileSync(path.join(dist, 'assets/three-ds.js'), 'export default 1;');
  writeFileSync(path.join(dist, 'assets/card.css'), 'body{margin:0}');
  writeFileSync(path.join(dist, 'assets/icon.png'), 'not counted');
  return dist;
}

describe('measureFramePayloads', () => {
  it('counts the page, what it links and what its scripts import statically, once each', async () => {
    const { pages } = await measureFramePayloads(fakeDist());
    const card = pages.find((p) => p.page === 'card')!;
    expect(card.files.map((f) => f.file).sort()).toEqual(['assets/card.css', 'assets/card.js', 'assets/shared.js', 'assets/side.js', 'card.html']);
    expect(card.total.raw).toBe(card.files.reduce((sum, f) => sum + f.size.raw, 0));
  });

  it('lists dynamic imports apart, as loaded on demand', async () => {
    const { pages } = await measureFramePayloads(fakeDist());
    expect(pages[0]!.lazy.map((l) => l.file)).toEqual(['assets/three-ds.js']);
  });

  it('says why when nothing is built', async () => {
    await expect(measureFramePayloads(path.join(tmpdir(), 'no-such-dist'))).rejects.toThrow(/not built/);
  });
});
