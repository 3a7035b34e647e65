// A handful of stroke icons drawn inline (no icon font, no network).
const paths = {
  inbox: 'M3 13h4l2 3h6l2-3h4M5 5h14l2 8v6H3v-6z',
  alert: 'M12 3 2 20h20L12 3zm0 6v5m0 3v.5',
  info: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zm0-11v6m0-9v.5',
  check: 'M5 12.5 10 17l9-10',
  clock: 'M12 22a10 10 0 1 0 0-20 10 10 0 0 0 0 20zm0-15v5l3 2',
  box: 'M3 7l9-4 9 4v10l-9 4-9-4zm0 0 9 4 9-4m-9 4v10',
  search: 'M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14zm5-2 4 4',
  copy: 'M9 9h10v12H9zM5 15V3h10',
  arrowLeft: 'M19 12H5m6-6-6 6 6 6',
  external: 'M14 4h6v6m0-6-9 9M19 14v6H4V5h6',
  sparkle: 'M12 3v4m0 10v4M3 12h4m10 0h4M6 6l2.5 2.5m7 7L18 18M6 18l2.5-2.5m7-7L18 6',
  key: 'M15 9a3 3 0 1 1 0 .01M13 11l-9 9m3-3 2 2m0-4 2 2',
  mail: 'M3 5h18v14H3zm0 0 9 7 9-7',
  close: 'M6 6l12 12M18 6 6 18',
  logout: 'M15 4h4v16h-4M10 8l-4 4 4 4m-4-4h11',
} as const;

export type IconName = keyof typeof paths;

export function Icon(props: { name: IconName; size?: number; className?: string }) {
  const size = props.size ?? 16;
  return (
    <svg
      className={props.className}
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth={1.8}
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d={paths[props.name]} />
    </svg>
  );
}
