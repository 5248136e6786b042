/** A horizontal bar chart in plain SVG, described to screen readers in its label; `format` writes a value (money, say). */
export function BarChart({ title, data, unit = '', limit = 12, format, labelWidth = 150 }: { title: string; data: Array<{ key: string; value: number }>; unit?: string; limit?: number; format?: (value: number) => string; labelWidth?: number }) {
  const rows = data.slice(0, limit);
  const written = (value: number) => (format ? format(value) : `${value}${unit}`);
  const max = Math.max(1, ...rows.map((row) => row.value));
  const rowHeight = 26;
  const width = 460;
  const height = Math.max(rowHeight, rows.length * rowHeight);
  return (
    <figure class="chart">
      <figcaption>{title}</figcaption>
      {rows.length === 0 ? <p class="muted small">Nothing yet.</p> : (
        <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label={`${title}: ${rows.map((row) => `${row.key.replace(/_/g, ' ')} ${written(row.value)}`).join(', ')}`} preserveAspectRatio="xMinYMin meet">
          {rows.map((row, index) => {
            const barWidth = ((width - labelWidth - 70) * row.value) / max;
            const y = index * rowHeight;
            return (
              <g key={row.key} transform={`translate(0 ${y})`}>
                <text x={labelWidth - 8} y={rowHeight / 2 + 4} text-anchor="end" class="chart-label">{row.key.replace(/_/g, ' ') || '—'}</text>
                <rect x={labelWidth} y={4} width={Math.max(row.value > 0 ? 2 : 0, barWidth)} height={rowHeight - 8} rx={3} class="chart-bar" />
                <text x={labelWidth + barWidth + 6} y={rowHeight / 2 + 4} class="chart-value">{written(row.value)}</text>
              </g>
            );
          })}
        </svg>
      )}
    </figure>
  );
}
