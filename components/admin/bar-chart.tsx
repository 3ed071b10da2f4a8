/**
 * A small accessible bar chart in SVG (no client JavaScript, no chart
 * library): the bars are decoration for sighted users, and the same figures
 * are in a table for everyone else.
 */
export function BarChart({ title, points, format }: { title: string; points: { label: string; value: number }[]; format: (value: number) => string }) {
  const max = Math.max(1, ...points.map((point) => point.value));
  const width = 28 * points.length;
  return (
    <figure className="flex flex-col gap-2">
      <figcaption className="font-semibold">{title}</figcaption>
      <svg viewBox={`0 0 ${width} 100`} className="h-32 w-full max-w-xl" aria-hidden="true" preserveAspectRatio="none">
        {points.map((point, i) => {
          const height = (point.value / max) * 92;
          return <rect key={point.label} x={i * 28 + 4} y={100 - height} width={20} height={height} className="fill-brand-700" />;
        })}
      </svg>
      <details>
        <summary className="cursor-pointer text-sm">Figures</summary>
        <table className="text-sm">
          <tbody>
            {points.map((point) => (
              <tr key={point.label}>
                <th scope="row" className="pr-4 text-left font-normal">{point.label}</th>
                <td className="text-right">{format(point.value)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
