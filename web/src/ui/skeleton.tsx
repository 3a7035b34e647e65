export function SkeletonLine(props: { width?: string }) {
  return <span className="skeleton" style={{ width: props.width ?? '100%' }} aria-hidden="true" />;
}

const widths = ['70%', '55%', '80%', '40%', '60%', '50%', '65%', '45%'];

// Placeholders never reorder, so their position is a fine identity.
const ids = (count: number, prefix: string) =>
  Array.from({ length: count }, (_, n) => ({ id: `${prefix}${n}`, n }));

/** Placeholder table rows while a list loads. */
export function SkeletonRows(props: { rows: number; columns: number }) {
  return (
    <>
      {ids(props.rows, 'row').map((row) => (
        <tr key={row.id} className="skeleton-row">
          {ids(props.columns, 'cell').map((cell) => (
            <td key={cell.id}>
              <SkeletonLine width={widths[(row.n + cell.n) % widths.length]} />
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

export function SkeletonPanel() {
  return (
    <div className="panel skeleton-panel" aria-hidden="true">
      <SkeletonLine width="35%" />
      <SkeletonLine width="90%" />
      <SkeletonLine width="75%" />
      <SkeletonLine width="60%" />
    </div>
  );
}
