import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createMetrics } from '@ecommerce/platform';

/** Words PromQL reserves between selectors: never metric names. */
const keywords = new Set(['and', 'or', 'unless', 'by', 'without', 'on', 'ignoring', 'group_left', 'group_right', 'bool', 'offset', 'inf', 'nan']);

/** Metric names a PromQL expression reads: identifiers left once strings, labels, ranges, durations and functions are gone. */
export function metricNames(expr: string): string[] {
  const bare = expr
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/\b(by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/\{[^}]*\}/g, '')
    .replace(/\boffset\s+\w+/g, '');
  return [...bare.matchAll(/(?<![\w.$])[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()/g)].map((match) => match[0]).filter((name) => !keywords.has(name.toLowerCase()));
}

/** The values an expression compares a label with by equality, e.g. every X of `type="X"`. */
export function labelValues(expr: string, label: string): string[] {
  return [...expr.matchAll(new RegExp(`\\b${label}\\s*=\\s*"([^"]*)"`, 'g'))].map((match) => match[1] ?? '');
}

/** Series Prometheus makes itself for every target: not in any registry of ours. */
export const prometheusSeries = new Set(['up', 'scrape_duration_seconds', 'scrape_samples_scraped']);

/** Labels Prometheus adds to every scraped series, and the bucket bound of histograms. */
const addedLabels = ['job', 'instance', 'role', 'le', '__name__'];

/** What the platform's registry exposes (with the series a histogram adds), and the labels each may carry. */
export function exposedSeries(): Map<string, Set<string>> {
  const series = new Map<string, Set<string>>();
  for (const metric of createMetrics().registry.getMetricsAsArray() as Array<{ name: string; labelNames?: string[]; constructor: { name: string } }>) {
    const labels = new Set([...(metric.labelNames ?? []), ...addedLabels]);
    const names = metric.constructor.name === 'Histogram' ? ['_bucket', '_count', '_sum'].map((suffix) => metric.name + suffix) : [metric.name];
    for (const name of names) series.set(name, labels);
  }
  return series;
}

/** Label names an expression selects on or groups by. */
export function labelNamesUsed(expr: string): string[] {
  const cleaned = expr.replace(/"(?:[^"\\]|\\.)*"/g, '""');
  const inMatchers = [...cleaned.matchAll(/\{([^}]*)\}/g)].flatMap((match) => [...(match[1] ?? '').matchAll(/([a-zA-Z_][a-zA-Z0-9_]*)\s*(?:=~|!~|!=|=)/g)].map((label) => label[1] ?? ''));
  const inGrouping = [...cleaned.matchAll(/\b(?:by|without)\s*\(([^)]*)\)/g)].flatMap((match) => (match[1] ?? '').split(',').map((label) => label.trim()).filter(Boolean));
  return [...inMatchers, ...inGrouping];
}

/** Every event type the platform has an Avro schema for (schemas/avro/<context>/<Type>.avsc). */
export function eventTypes(repoRoot: string): Set<string> {
  const root = join(repoRoot, 'schemas/avro');
  return new Set(readdirSync(root).flatMap((context) => readdirSync(join(root, context)).filter((file) => file.endsWith('.avsc')).map((file) => file.replace(/\.avsc$/, ''))));
}
