/** A tiny line of a rep's daily score over the period (decorative: the row has the numbers). */
export function Sparkline({ values, width = 88, height = 22 }: { values: number[]; width?: number; height?: number }) {
  if (values.length < 2) return null;
  const max = Math.max(1, ...values);
  const step = width / (values.length - 1);
  const points = values.map((v, i) => `${(i * step).toFixed(1)},${(height - 1 - (v / max) * (height - 2)).toFixed(1)}`).join(' ');
  return (
    <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden focusable="false" data-testid="rep-sparkline">
      <polyline
        points={`0,${height} ${points} ${width},${height}`}
        fill="var(--mantine-color-indigo-1)"
        stroke="none"
      />
      <polyline points={points} fill="none" stroke="var(--mantine-color-indigo-6)" strokeWidth={1.5} strokeLinejoin="round" />
    </svg>
  );
}
