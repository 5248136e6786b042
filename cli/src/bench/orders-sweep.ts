import type { Logger } from '@ecommerce/platform';
import { runOrdersPhase } from './orders-phase';
import { partitionsFigure, warmUp, withPlatformProcesses } from './orders-processes-bench';
import type { WarmUp } from './orders-processes-bench';
import type { OrdersTopologyMode } from './orders-topology';
import type { Figure, SectionResult } from './report';
import type { SweepPoint, SweepSeries } from './sweep-plot';

const confirmedPerSecondOf = (result: SectionResult, items: number): number => result.figures.find((figure) => figure.metric === `${items}-item confirmed/s`)?.value ?? 0;
const p99Of = (result: SectionResult): number => (result.details.placedToConfirmed as { p99?: number } | undefined)?.p99 ?? 0;

/**
 * Orders at rising offered rates on one running platform (1- and 3-item phases at each rate),
 * for the plot of where a topology saturates. A rate that confirms under half of what it was
 * offered ends the sweep: beyond it the platform only queues.
 */
export function benchOrdersSweep(options: { mode: OrdersTopologyMode; rates: readonly number[]; seconds: number; warmup: WarmUp; logger: Logger }): Promise<SectionResult> {
  return withPlatformProcesses({ mode: options.mode, label: 'orders-sweep', logger: options.logger }, async (platform) => {
    const section = `orders sweep (${options.mode})`;
    const warmed = await warmUp(platform, section, options.warmup);
    const partitions = partitionsFigure(section, options.mode);
    const figures: Figure[] = [partitions, warmed];
    const series: SweepSeries[] = [];
    for (const items of [1, 3]) {
      const points: SweepPoint[] = [];
      for (const ratePerSecond of [...options.rates].sort((a, b) => a - b)) {
        options.logger.info({ mode: options.mode, items, rate: ratePerSecond }, 'orders sweep: phase');
        const result = await runOrdersPhase({ ...platform, items, ratePerSecond, seconds: options.seconds });
        const point = { offeredPerSecond: ratePerSecond, confirmedPerSecond: confirmedPerSecondOf(result, items), p99Ms: p99Of(result) };
        points.push(point);
        figures.push({ section, metric: `${items}-item at ${ratePerSecond}/s offered`, value: point.confirmedPerSecond, unit: 'confirmed/s', note: `placed→confirmed p99 ${point.p99Ms} ms` });
        if (point.confirmedPerSecond < ratePerSecond / 2) break;
      }
      series.push({ label: `${options.mode} ${items}-item, ${partitions.value} partition${partitions.value === 1 ? '' : 's'}`, points });
    }
    return { figures, details: { mode: options.mode, seconds: options.seconds, sweep: series } };
  });
}
