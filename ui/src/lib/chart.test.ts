import { describe, expect, it } from 'vitest';

import { formatShort, labelEvery, layoutBars, niceTicks, overlaps, spanBinLabel, spanBins, textWidth, type BarLayout } from './chart';

const PX = 12;

function layout(values: number[], width: number, px = PX): BarLayout {
  return layoutBars({ values, categories: values.map((_, i) => String(i + 1)), width, height: 230, valuePx: px, tickPx: px });
}

/** Every promise the placement makes, checked on the boxes it reports. */
function collisions(l: BarLayout, width: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < l.labels.length; i += 1) {
    const a = l.labels[i];
    for (let j = i + 1; j < l.labels.length; j += 1) {
      if (overlaps(a.box, l.labels[j].box)) out.push(`labels ${a.text} and ${l.labels[j].text} overlap`);
    }
    for (const b of l.bars) {
      if (b.index !== a.index && overlaps(a.box, { x0: b.x, x1: b.x + b.w, y0: b.y, y1: b.y + b.h })) out.push(`label ${a.text} covers bar ${b.index}`);
    }
    const own = l.bars.find((b) => b.index === a.index)!;
    if (a.box.y1 > own.y) out.push(`label ${a.text} is not above its own bar`);
    if (a.box.y0 < 0 || a.box.x0 < 0 || a.box.x1 > width) out.push(`label ${a.text} leaves the chart`);
  }
  return out;
}

function expectNoCollision(l: BarLayout, width: number) {
  expect(collisions(l, width), 'value labels collide with nothing and stay inside the chart').toEqual([]);
}

// Headcount per layer of a 100,000-person org, as the core reports it.
const LAYERS_100K = [1, 12, 96, 780, 5210, 28431, 52190, 13280];

describe('value labels', () => {
  it('the collision check itself catches labels that overlap', () => {
    const l = layout([1, 4, 5], 330);
    const moved = { ...l, labels: [l.labels[0], { ...l.labels[1], box: l.labels[0].box }] };
    expect(collisions(moved, 330)).toContain('labels 1 and 4 overlap');
  });

  it('shows small numbers in full', () => {
    const l = layout([1, 4, 5], 330);
    expect(l.mode).toBe('exact');
    expect(l.labels.map((x) => x.text)).toEqual(['1', '4', '5']);
    expectNoCollision(l, 330);
  });

  it('shortens big counts that do not fit their column, keeping the exact number for the tooltip', () => {
    // 8 columns of ~50 px: "28,431" is wider than a column, "28.4K" is not.
    const l = layout(LAYERS_100K, 460);
    expect(l.mode).toBe('short');
    const byIndex = new Map(l.labels.map((x) => [x.index, x]));
    expect(byIndex.get(5)).toMatchObject({ text: '28.4K', full: '28,431', rotated: false });
    expect(byIndex.get(6)).toMatchObject({ text: '52.2K', full: '52,190' });
    expect(byIndex.get(2)).toMatchObject({ text: '96', full: '96' });
    expect(l.labels.length, 'every bar keeps its number').toBe(LAYERS_100K.length);
    expectNoCollision(l, 460);
  });

  it('keeps big counts in full when the columns are wide enough', () => {
    const l = layout(LAYERS_100K, 900);
    expect(l.mode).toBe('exact');
    expect(l.labels.find((x) => x.index === 5)?.text).toBe('28,431');
    expectNoCollision(l, 900);
  });

  it('turns the labels upright when even the short form is wider than a column', () => {
    // 14 layers in a narrow chart: ~19 px columns, "28.4K" needs ~40 px.
    const values = [...LAYERS_100K, 9000, 4200, 1800, 640, 120, 8];
    const l = layout(values, 330);
    expect(l.mode).toBe('rotated');
    expect(l.labels.every((x) => x.rotated)).toBe(true);
    expect(l.labels.length).toBe(values.length);
    expect(l.top, 'the plot leaves room above the tallest bar for its upright label').toBeGreaterThanOrEqual(textWidth('52.2K', PX, true));
    expectNoCollision(l, 330);
  });

  it('labels only the bars with room, largest first, when columns are thinner than a line of text', () => {
    // A histogram of 60 columns of managers in a 100k org, in 330 px.
    const values = Array.from({ length: 60 }, (_, i) => (i % 7 === 3 ? 0 : Math.round(12000 * Math.exp(-((i - 6) ** 2) / 40)) + i * 11));
    const l = layout(values, 330);
    expect(l.mode).toBe('some');
    expect(l.labels.length).toBeGreaterThan(0);
    expect(l.labels.length).toBeLessThan(values.filter((v) => v > 0).length);
    const peak = values.indexOf(Math.max(...values));
    expect(l.labels.some((x) => x.index === peak), 'the tallest bar is labelled').toBe(true);
    expectNoCollision(l, 330);
  });

  it('never collides, whatever the counts and widths', () => {
    let seed = 42;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let run = 0; run < 200; run += 1) {
      const n = 1 + Math.floor(rnd() * 80);
      const width = 240 + Math.floor(rnd() * 700);
      const scale = 10 ** Math.floor(rnd() * 6);
      const values = Array.from({ length: n }, () => (rnd() < 0.2 ? 0 : Math.round(rnd() * scale * 100)));
      const l = layout(values, width, rnd() < 0.5 ? 12 : 16);
      expectNoCollision(l, width);
      if (l.mode !== 'some' && l.mode !== 'none') expect(l.labels.length).toBe(values.filter((v) => v > 0).length);
    }
  });

  it('draws no bar and no label for an empty column', () => {
    const l = layout([3, 0, 5], 330);
    expect(l.bars.map((b) => b.index)).toEqual([0, 2]);
    expect(l.labels.map((x) => x.index)).toEqual([0, 2]);
  });

  it('leaves room left of the plot for the widest tick label at 100k', () => {
    const l = layout([52190], 330);
    expect(l.ticks[l.ticks.length - 1]).toBeGreaterThanOrEqual(52190);
    expect(l.left).toBeGreaterThan(textWidth(formatShort(l.scaleMax), PX));
  });
});

describe('formatShort', () => {
  it('keeps small numbers exact and shortens big ones', () => {
    expect([7, 999, 1000, 28431, 128000, 1_520_000].map(formatShort)).toEqual(['7', '999', '1K', '28.4K', '128K', '1.5M']);
  });
});

describe('labelEvery', () => {
  it('thins category labels at regular steps until they do not touch', () => {
    expect(labelEvery(10, 40)).toBe(1);
    expect(labelEvery(30, 20)).toBe(2);
    expect(labelEvery(50, 12)).toBe(5);
    expect(labelEvery(60, 5)).toBe(20);
  });
});

describe('spanBins', () => {
  it('puts every span from 1 to the largest on the axis, leaving gaps', () => {
    const { width, bins } = spanBins(
      [
        { span: 4, managers: 10 },
        { span: 9, managers: 3 },
      ],
      40,
    );
    expect(width).toBe(1);
    expect(bins.map((b) => b.managers)).toEqual([0, 0, 0, 10, 0, 0, 0, 0, 3]);
    expect(bins.map(spanBinLabel)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it('bins a very wide range into round ranges, keeping every manager', () => {
    const dist = [
      { span: 1, managers: 3000 },
      { span: 2, managers: 4100 },
      { span: 7, managers: 9000 },
      { span: 12, managers: 800 },
      { span: 300, managers: 1 },
    ];
    const { width, bins } = spanBins(dist, 40);
    expect(width).toBe(10);
    expect(bins.length).toBe(30);
    expect(spanBinLabel(bins[0])).toBe('1–10');
    expect(spanBinLabel(bins[29])).toBe('291–300');
    expect(bins[0].managers).toBe(3000 + 4100 + 9000);
    expect(bins[1].managers).toBe(800);
    expect(bins[29].managers).toBe(1);
    expect(bins.reduce((s, b) => s + b.managers, 0)).toBe(dist.reduce((s, d) => s + d.managers, 0));
  });

  it('chooses the smallest round bin width that fits', () => {
    const dist = (top: number) => [{ span: top, managers: 1 }];
    expect(spanBins(dist(40), 40).width).toBe(1);
    expect(spanBins(dist(41), 40).width).toBe(2);
    expect(spanBins(dist(150), 40).width).toBe(5);
    expect(spanBins(dist(1000), 40).width).toBe(25);
    expect(spanBins(dist(300), 1).width).toBe(500);
    expect(spanBins([], 40).bins).toEqual([]);
  });
});

describe('niceTicks', () => {
  it('covers the maximum with round steps', () => {
    expect(niceTicks(52190)).toEqual([0, 20000, 40000, 60000]);
    expect(niceTicks(5)).toEqual([0, 2, 4, 6]);
  });
});
