/**
 * A small metrics registry rendering the Prometheus text exposition format, version 0.0.4
 * (https://prometheus.io/docs/instrumenting/exposition_formats/): counters, gauges and
 * histograms with typed labels, `# HELP` / `# TYPE` lines, escaping of help text and label
 * values, `+Inf`/`-Inf`/`NaN`.
 *
 * Why not prom-client: we need four instrument kinds and one text format, about 250 lines
 * with no dependency to audit, lock or keep in step with Node; prom-client brings its own
 * default collectors, cluster aggregation and OpenMetrics code we would not use. If we ever
 * need OpenMetrics exemplars or summaries, switching is local to this folder: the instruments'
 * method names (inc, set, observe, startTimer) are the same.
 *
 * Labels are typed: `new Counter<{ reason: RejectReason }>(…)` makes `inc({ reason })` check
 * the value at compile time; an instrument without labels takes none (`inc()`, `set(3)`).
 * Each instrument keeps at most MAX_SERIES label sets; beyond, new sets are counted in
 * `droppedSeries` and ignored (a bug must not turn into unbounded memory).
 */
export type LabelSet = Record<string, string>;
export type NoLabels = Record<never, string>;
type Args<L extends LabelSet, Rest extends unknown[]> = [keyof L] extends [never] ? Rest : [labels: L, ...Rest];

export const MAX_SERIES = 1000;

const NAME_RE = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const LABEL_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const escapeHelp = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
export const escapeLabelValue = (s: string): string => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

export function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function labelText(names: readonly string[], values: readonly string[], extra?: [string, string]): string {
  const parts = names.map((n, i) => `${n}="${escapeLabelValue(values[i] ?? '')}"`);
  if (extra) parts.push(`${extra[0]}="${escapeLabelValue(extra[1])}"`);
  return parts.length ? `{${parts.join(',')}}` : '';
}

export interface MetricOptions<L extends LabelSet> {
  name: string;
  help: string;
  labelNames?: readonly (keyof L & string)[];
}

type Kind = 'counter' | 'gauge' | 'histogram';

abstract class Metric<L extends LabelSet, S> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  abstract readonly kind: Kind;
  protected readonly series = new Map<string, { values: string[]; state: S }>();
  droppedSeries = 0;

  constructor(opts: MetricOptions<L>) {
    if (!NAME_RE.test(opts.name)) throw new Error(`bad metric name ${opts.name}`);
    for (const l of opts.labelNames ?? []) {
      if (!LABEL_RE.test(l) || l.startsWith('__') || l === 'le') throw new Error(`bad label name ${l} on ${opts.name}`);
    }
    this.name = opts.name;
    this.help = opts.help;
    this.labelNames = opts.labelNames ?? [];
  }

  protected abstract fresh(): S;

  /** The state for a label set (created on first use), or null past MAX_SERIES. */
  protected at(labels: LabelSet | undefined): S | null {
    const values = this.labelNames.map((n) => {
      const v = labels?.[n];
      if (typeof v !== 'string') throw new Error(`${this.name}: label ${n} missing`);
      return v;
    });
    const key = values.join('\u0000');
    let s = this.series.get(key);
    if (!s) {
      if (this.series.size >= MAX_SERIES) {
        this.droppedSeries++;
        return null;
      }
      s = { values, state: this.fresh() };
      this.series.set(key, s);
    }
    return s.state;
  }

  /** Forget every label set (tests). */
  reset(): void {
    this.series.clear();
    this.droppedSeries = 0;
  }

  protected abstract lines(values: readonly string[], state: S): string[];

  /** Unlabelled instruments show 0 before first use; `emptyUntilSet` ones show no sample. */
  protected showsDefault(): boolean {
    return this.labelNames.length === 0;
  }

  render(): string {
    const out = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.kind}`];
    if (this.series.size === 0 && this.showsDefault()) out.push(...this.lines([], this.fresh()));
    for (const { values, state } of this.series.values()) out.push(...this.lines(values, state));
    return out.join('\n');
  }
}

/** A value that only goes up (resets to 0 when the process restarts). Name it `…_total`. */
export class Counter<L extends LabelSet = NoLabels> extends Metric<L, { v: number }> {
  readonly kind = 'counter' as const;
  protected fresh() {
    return { v: 0 };
  }

  inc(...args: Args<L, [value?: number]>): void {
    const [labels, value] = splitArgs<number | undefined>(args, this.labelNames.length);
    const by = value ?? 1;
    if (!(by >= 0)) throw new Error(`${this.name}: a counter only goes up (got ${by})`);
    const s = this.at(labels);
    if (s) s.v += by;
  }

  /** Sets a total kept elsewhere (process CPU time, sampled at each scrape); never lowers it. */
  sample(...args: Args<L, [total: number]>): void {
    const [labels, total] = splitArgs<number>(args, this.labelNames.length);
    const s = this.at(labels);
    if (s && total > s.v) s.v = total;
  }

  get(...args: Args<L, []>): number {
    const [labels] = splitArgs<undefined>(args, this.labelNames.length);
    return this.series.get(this.labelNames.map((n) => labels?.[n] ?? '').join('\u0000'))?.state.v ?? 0;
  }

  protected lines(values: readonly string[], s: { v: number }): string[] {
    return [`${this.name}${labelText(this.labelNames, values)} ${formatValue(s.v)}`];
  }
}

export interface GaugeOptions<L extends LabelSet> extends MetricOptions<L> {
  /** Render no sample until the first set() (a family only some deployments fill). */
  emptyUntilSet?: boolean;
}

/** A value that goes up and down. */
export class Gauge<L extends LabelSet = NoLabels> extends Metric<L, { v: number }> {
  readonly kind = 'gauge' as const;
  private readonly emptyUntilSet: boolean;
  constructor(opts: GaugeOptions<L>) {
    super(opts);
    this.emptyUntilSet = opts.emptyUntilSet ?? false;
  }
  protected fresh() {
    return { v: 0 };
  }
  protected override showsDefault(): boolean {
    return !this.emptyUntilSet && super.showsDefault();
  }

  set(...args: Args<L, [value: number]>): void {
    const [labels, value] = splitArgs<number>(args, this.labelNames.length);
    const s = this.at(labels);
    if (s) s.v = value;
  }

  inc(...args: Args<L, [value?: number]>): void {
    const [labels, value] = splitArgs<number | undefined>(args, this.labelNames.length);
    const s = this.at(labels);
    if (s) s.v += value ?? 1;
  }

  dec(...args: Args<L, [value?: number]>): void {
    const [labels, value] = splitArgs<number | undefined>(args, this.labelNames.length);
    const s = this.at(labels);
    if (s) s.v -= value ?? 1;
  }

  get(...args: Args<L, []>): number {
    const [labels] = splitArgs<undefined>(args, this.labelNames.length);
    return this.series.get(this.labelNames.map((n) => labels?.[n] ?? '').join('\u0000'))?.state.v ?? 0;
  }

  protected lines(values: readonly string[], s: { v: number }): string[] {
    return [`${this.name}${labelText(this.labelNames, values)} ${formatValue(s.v)}`];
  }
}

export interface HistogramOptions<L extends LabelSet> extends MetricOptions<L> {
  /** Upper bounds, ascending; `+Inf` is added. */
  buckets: readonly number[];
}

interface HistState {
  counts: number[];
  sum: number;
  count: number;
}

/** Observations counted into cumulative buckets (`_bucket{le=…}`, `_sum`, `_count`). */
export class Histogram<L extends LabelSet = NoLabels> extends Metric<L, HistState> {
  readonly kind = 'histogram' as const;
  readonly buckets: readonly number[];
  constructor(opts: HistogramOptions<L>) {
    super(opts);
    const b = [...opts.buckets];
    if (b.length === 0 || b.some((x, i) => !Number.isFinite(x) || (i > 0 && x <= b[i - 1]!))) throw new Error(`${opts.name}: buckets must be finite and strictly ascending`);
    this.buckets = b;
  }
  protected fresh(): HistState {
    return { counts: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  observe(...args: Args<L, [value: number]>): void {
    const [labels, value] = splitArgs<number>(args, this.labelNames.length);
    if (Number.isNaN(value)) return;
    const s = this.at(labels);
    if (!s) return;
    // Counts per bucket (not cumulative) here; render() accumulates.
    const i = this.buckets.findIndex((b) => value <= b);
    if (i >= 0) s.counts[i]!++;
    s.sum += value;
    s.count++;
  }

  /** Starts a timer; the returned function observes the seconds elapsed. */
  startTimer(...args: Args<L, []>): () => number {
    const t0 = performance.now();
    return () => {
      const s = (performance.now() - t0) / 1000;
      (this.observe as (...a: unknown[]) => void)(...[...args, s]);
      return s;
    };
  }

  /** Observations so far for a label set (tests). */
  count(...args: Args<L, []>): number {
    const [labels] = splitArgs<undefined>(args, this.labelNames.length);
    return this.series.get(this.labelNames.map((n) => labels?.[n] ?? '').join('\u0000'))?.state.count ?? 0;
  }

  protected lines(values: readonly string[], s: HistState): string[] {
    const out: string[] = [];
    let acc = 0;
    this.buckets.forEach((b, i) => {
      acc += s.counts[i]!;
      out.push(`${this.name}_bucket${labelText(this.labelNames, values, ['le', formatValue(b)])} ${acc}`);
    });
    out.push(`${this.name}_bucket${labelText(this.labelNames, values, ['le', '+Inf'])} ${s.count}`);
    out.push(`${this.name}_sum${labelText(this.labelNames, values)} ${formatValue(s.sum)}`);
    out.push(`${this.name}_count${labelText(this.labelNames, values)} ${s.count}`);
    return out;
  }
}

function splitArgs<V>(args: readonly unknown[], labelCount: number): [LabelSet | undefined, V] {
  if (labelCount === 0) return [undefined, args[0] as V];
  return [args[0] as LabelSet, args[1] as V];
}

/** What the registry needs of an instrument. */
export interface Renderable {
  readonly name: string;
  render(): string;
}

/** A set of instruments rendered together; `onCollect` hooks run before each rendering. */
export class MetricsRegistry {
  private readonly metrics = new Map<string, Renderable>();
  private readonly collectors = new Set<() => void>();

  register<M extends Renderable>(m: M): M {
    if (this.metrics.has(m.name)) throw new Error(`metric ${m.name} registered twice`);
    this.metrics.set(m.name, m);
    return m;
  }

  /** Runs `fn` before every rendering (to sample values such as memory or relay.stats()). Returns an unregister function. */
  onCollect(fn: () => void): () => void {
    this.collectors.add(fn);
    return () => this.collectors.delete(fn);
  }

  /** The whole exposition, ending with a newline. */
  render(): string {
    for (const fn of this.collectors) {
      try {
        fn();
      } catch {
        /* a broken sampler must not take the endpoint down */
      }
    }
    return [...this.metrics.values()].map((m) => m.render()).join('\n') + '\n';
  }
}

/** Content-Type of the text format. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
