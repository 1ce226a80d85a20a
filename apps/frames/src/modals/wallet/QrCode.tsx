/**
 * A QR code as inline SVG built from uqr's module matrix: one `<path>`, no HTML string, no external
 * image, so nothing here needs `unsafe-inline` or a new origin in the frame's CSP.
 */
import { encode } from 'uqr';

interface Props {
  text: string;
  label: string;
}

export function QrCode({ text, label }: Props) {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  let d = '';
  data.forEach((row, y) =>
    row.forEach((dark, x) => {
      if (dark) d += `M${x} ${y}h1v1h-1z`;
    }),
  );
  return (
    <svg class="sx-qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={label} shape-rendering="crispEdges">
      <rect width={size} height={size} fill="#fff" />
      <path d={d} fill="#000" />
    </svg>
  );
}
