import { describe, expect, it } from 'vitest';

import { axisAngle, labelPlacement, radarFrame, radarPath, radarPoint, ringPath, wrapLabel, type RadarGeometry } from './radar';

const g: RadarGeometry = { cx: 100, cy: 100, radius: 50, max: 5 };

describe('radar geometry', () => {
  it('starts at the top and goes clockwise', () => {
    expect(axisAngle(0, 4)).toBeCloseTo(-Math.PI / 2);
    expect(radarPoint(0, 4, 5, g)).toEqual({ x: 100, y: 50 });
    expect(radarPoint(1, 4, 5, g)).toEqual({ x: 150, y: 100 });
    expect(radarPoint(2, 4, 5, g)).toEqual({ x: 100, y: 150 });
    expect(radarPoint(3, 4, 5, g)).toEqual({ x: 50, y: 100 });
  });

  it('scales a level along its axis and clamps to the scale', () => {
    expect(radarPoint(1, 4, 1, g)).toEqual({ x: 110, y: 100 });
    expect(radarPoint(1, 4, 9, g)).toEqual({ x: 150, y: 100 });
    expect(radarPoint(1, 4, -1, g)).toEqual({ x: 100, y: 100 });
  });

  it('closes the polygon when every skill has a value', () => {
    expect(radarPath([5, 5, 5, 5], g)).toBe('M100 50 L150 100 L100 150 L50 100 Z');
    expect(ringPath(5, 4, g)).toBe(radarPath([5, 5, 5, 5], g));
  });

  it('draws only segments between neighbouring rated axes, never through the centre', () => {
    // axis 2 is unrated: segments 0-1 and 3-0 remain
    expect(radarPath([5, 5, null, 5], g)).toBe('M100 50 L150 100 M50 100 L100 50');
    expect(radarPath([5, null, 5, null], g)).toBe('');
    expect(radarPath([], g)).toBe('');
    expect(radarPath([null, null, null], g)).not.toContain('100 100');
  });

  it('anchors labels away from the chart', () => {
    expect(labelPlacement(0, 4, g).anchor).toBe('middle');
    expect(labelPlacement(1, 4, g).anchor).toBe('start');
    expect(labelPlacement(3, 4, g).anchor).toBe('end');
    expect(labelPlacement(1, 4, g, 10)).toMatchObject({ x: 160, y: 100 });
  });

  it('wraps long skill names into two lines and marks a cut', () => {
    expect(wrapLabel('Coaching')).toEqual(['Coaching']);
    expect(wrapLabel('Breaking down big work', 16)).toEqual(['Breaking down', 'big work']);
    expect(wrapLabel('Delegating to people and agents', 16)).toEqual(['Delegating to', 'people and…']);
    const long = wrapLabel('Supercalifragilisticexpialidocious', 10);
    expect(long).toHaveLength(1);
    expect(long[0].endsWith('…')).toBe(true);
  });
});

describe('radarFrame', () => {
  it('keeps wrapped labels inside the chart at 12 px and at presenter size', () => {
    for (const px of [12, 16]) {
      for (const available of [300, 420, 560, 900]) {
        const f = radarFrame(available, px);
        const labelW = f.chars * px * 0.64;
        expect(f.g.cx + f.g.radius + f.gap + labelW, `right labels at ${available} px, ${px} px text`).toBeLessThanOrEqual(f.width + 1);
        expect(f.g.cy - f.g.radius - f.gap - f.lines * f.lineH, 'top label block').toBeGreaterThanOrEqual(0);
        expect(f.g.radius).toBeGreaterThanOrEqual(70);
      }
    }
  });

  it('gives the rings less room, not the text less size, when the text grows', () => {
    expect(radarFrame(560, 16).g.radius).toBeLessThan(radarFrame(560, 12).g.radius);
    expect(radarFrame(560, 12).chars).toBe(17);
    expect(radarFrame(300, 12).lines).toBe(3);
  });
});
