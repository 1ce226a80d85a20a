/** A small badge for the detected brand; a generic card outline until the brand is known. */
import type { CardBrand } from '@soxara/protocol';

const LABELS: Partial<Record<CardBrand, [text: string, background: string]>> = {
  visa: ['VISA', '#1a1f71'],
  mastercard: ['MC', '#eb001b'],
  amex: ['AMEX', '#2e77bc'],
  discover: ['DISC', '#f58220'],
  diners: ['DC', '#0079be'],
  jcb: ['JCB', '#0b4ea2'],
  unionpay: ['UP', '#d10429'],
};

/** Drawn by card.css (no image to fetch), and hidden when the browser saves data (shared/lite.ts). */
export function BrandIcon({ brand, label }: { brand: CardBrand; label: string }) {
  const known = LABELS[brand];
  return (
    <span class="sx-brand" role="img" aria-label={known ? known[0] : label} data-brand={brand} style={known ? { background: known[1] } : undefined}>
      {known?.[0]}
    </span>
  );
}
