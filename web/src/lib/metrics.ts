/** One sample of the Prometheus text format: name, labels, value. */
export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

const line = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(.*)\})?\s+(\S+)/;
const label = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\]|\\.)*)"/g;

export function parsePrometheus(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const raw of text.split('\n')) {
    if (raw === '' || raw.startsWith('#')) continue;
    const match = line.exec(raw);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(label)) labels[key as string] = (value as string).replace(/\\(.)/g, (_all, char: string) => (char === 'n' ? '\n' : char));
    const value = Number(match[3]);
    if (!Number.isNaN(value)) samples.push({ name: match[1] as string, labels, value });
  }
  return samples;
}

/** Sum of a metric's samples grouped by one label (a missing label groups as ""). */
export function sumBy(samples: Sample[], name: string, by: string): Array<{ key: string; value: number }> {
  const totals = new Map<string, number>();
  for (const sample of samples) if (sample.name === name) totals.set(sample.labels[by] ?? '', (totals.get(sample.labels[by] ?? '') ?? 0) + sample.value);
  return [...totals].map(([key, value]) => ({ key, value })).sort((a, b) => b.value - a.value);
}

export const total = (samples: Sample[], name: string) => samples.filter((sample) => sample.name === name).reduce((sum, sample) => sum + sample.value, 0);
