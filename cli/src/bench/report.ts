import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** One measured number, one row of the printed table. */
export interface Figure {
  section: string;
  metric: string;
  value: number;
  unit: string;
  note?: string;
}

/** What a section hands back: its figures, plus the raw details kept in the JSON report. */
export interface SectionResult {
  figures: Figure[];
  details: Record<string, unknown>;
}

export interface SectionOutcome extends Partial<SectionResult> {
  name: string;
  seconds: number;
  error?: string;
  /** Why the section did not run (a missing server, say); not a failure. */
  skipped?: string;
}

export interface BenchReport {
  startedAt: string;
  commandLine: string;
  options: { events: number; quick: boolean };
  machine: ReturnType<typeof machineInfo>;
  sections: SectionOutcome[];
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    cpuCount: cpus.length,
    totalMemoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    node: process.version,
  };
}

const formatValue = (value: number): string =>
  Number.isInteger(value) ? value.toLocaleString('en-US') : value.toLocaleString('en-US', { maximumFractionDigits: 2 });

/** Aligned text, one row per figure, then one line per skipped or failed section. */
export function formatTable(sections: readonly SectionOutcome[]): string {
  const rows = sections.flatMap((section) => section.figures ?? []).map((figure) => [figure.section, figure.metric, formatValue(figure.value), figure.unit, figure.note ?? '']);
  const header = ['section', 'metric', 'value', 'unit', 'note'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]?.length ?? 0)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (column === 2 ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0))).join('  ').trimEnd();
  const failures = sections.filter((section) => section.error).map((section) => `FAILED ${section.name}: ${section.error}`);
  const skipped = sections.filter((section) => section.skipped).map((section) => `SKIPPED ${section.name}: ${section.skipped}`);
  return [line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line), ...skipped, ...failures].join('\n');
}

/** Writes `<folder>/bench-<ISO timestamp>.json` (colons replaced, for every file system) and returns its path. */
export function writeReport(folder: string, report: BenchReport): string {
  fs.mkdirSync(folder, { recursive: true });
  const file = path.join(folder, `bench-${report.startedAt.replace(/:/g, '-')}.json`);
  fs.writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
  return file;
}
