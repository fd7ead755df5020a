// Rows of a long list fetched in fixed-size pages on demand, so the People
// list can scroll through 100,000 people while holding only what was seen.

export interface Page<T> {
  total: number;
  offset: number;
  rows: T[];
}

export type PageFetcher<T> = (offset: number, limit: number) => Promise<Page<T>>;

export class PageCache<T> {
  private pages = new Map<number, T[]>();
  private pending = new Map<number, Promise<void>>();
  private generation = 0;
  total: number | null = null;
  error: unknown = null;

  constructor(
    private fetchPage: PageFetcher<T>,
    readonly pageSize = 200,
    private onChange: () => void = () => {},
    /** Pages kept at most; the ones furthest from the last request are dropped. */
    private maxPages = 20,
  ) {}

  /** Forgets every row (the filter or the data changed). */
  reset(): void {
    this.generation += 1;
    this.pages.clear();
    this.pending.clear();
    this.total = null;
    this.error = null;
    this.onChange();
  }

  get(index: number): T | undefined {
    const page = this.pages.get(Math.floor(index / this.pageSize));
    return page?.[index % this.pageSize];
  }

  isLoading(): boolean {
    return this.pending.size > 0;
  }

  /** Loads the pages covering rows [start, end) that are not loaded yet. */
  async ensure(start: number, end: number): Promise<void> {
    const first = Math.floor(Math.max(0, start) / this.pageSize);
    const last = Math.floor(Math.max(start, end - 1) / this.pageSize);
    const waits: Promise<void>[] = [];
    for (let p = first; p <= last; p += 1) {
      if (this.total !== null && p * this.pageSize >= this.total && p > 0) break;
      if (this.pages.has(p)) continue;
      waits.push(this.pending.get(p) ?? this.load(p));
    }
    await Promise.all(waits);
    this.evict(first, last);
  }

  private load(page: number): Promise<void> {
    const gen = this.generation;
    const p = this.fetchPage(page * this.pageSize, this.pageSize)
      .then((res) => {
        if (gen !== this.generation) return;
        this.pages.set(page, res.rows);
        this.total = res.total;
        this.error = null;
      })
      .catch((e: unknown) => {
        if (gen !== this.generation) return;
        this.error = e;
      })
      .finally(() => {
        if (gen !== this.generation) return;
        this.pending.delete(page);
        this.onChange();
      });
    this.pending.set(page, p);
    return p;
  }

  private evict(first: number, last: number): void {
    if (this.pages.size <= this.maxPages) return;
    const mid = (first + last) / 2;
    const byDistance = [...this.pages.keys()].sort((a, b) => Math.abs(b - mid) - Math.abs(a - mid));
    for (const p of byDistance) {
      if (this.pages.size <= this.maxPages) break;
      if (p < first || p > last) this.pages.delete(p);
    }
  }
}
