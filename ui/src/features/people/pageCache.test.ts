import { describe, expect, it, vi } from 'vitest';

import { PageCache, type Page } from './pageCache';

function source(total: number) {
  return vi.fn(async (offset: number, limit: number): Promise<Page<number>> => ({
    total,
    offset,
    rows: Array.from({ length: Math.max(0, Math.min(limit, total - offset)) }, (_, i) => offset + i),
  }));
}

describe('PageCache', () => {
  it('fetches only the pages a window needs', async () => {
    const fetch = source(100_000);
    const cache = new PageCache(fetch, 200);
    await cache.ensure(0, 1);
    expect(cache.total).toBe(100_000);
    await cache.ensure(50_100, 50_140);
    expect(fetch.mock.calls).toEqual([
      [0, 200],
      [50_000, 200],
    ]);
    expect(cache.get(50_123)).toBe(50_123);
    expect(cache.get(30_000)).toBeUndefined();
  });

  it('does not fetch a page twice, even while it is loading', async () => {
    const fetch = source(1000);
    const cache = new PageCache(fetch, 200);
    await Promise.all([cache.ensure(0, 50), cache.ensure(10, 60)]);
    await cache.ensure(0, 199);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('drops answers that arrive after a reset', async () => {
    let release: (p: Page<string>) => void = () => {};
    const fetch = vi.fn(
      (offset: number) =>
        new Promise<Page<string>>((resolve) => {
          if (offset === 0 && fetch.mock.calls.length === 1) release = resolve;
          else resolve({ total: 1, offset, rows: ['new'] });
        }),
    );
    const cache = new PageCache<string>(fetch, 200);
    const first = cache.ensure(0, 1);
    cache.reset();
    await cache.ensure(0, 1);
    release({ total: 1, offset: 0, rows: ['stale'] });
    await first;
    expect(cache.get(0)).toBe('new');
  });

  it('keeps a bounded number of pages', async () => {
    const fetch = source(100_000);
    const cache = new PageCache(fetch, 100, () => {}, 3);
    for (let p = 0; p < 10; p += 1) await cache.ensure(p * 100, p * 100 + 10);
    expect(cache.get(950)).toBe(950);
    expect(cache.get(50)).toBeUndefined();
  });

  it('keeps the error of a failed page', async () => {
    const cache = new PageCache<number>(() => Promise.reject(new Error('db locked')), 200);
    await cache.ensure(0, 10);
    expect(cache.error).toBeInstanceOf(Error);
    expect(cache.get(0)).toBeUndefined();
  });
});
