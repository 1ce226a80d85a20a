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

export function BrandIcon({ brand, label }: { brand: CardBrand; label: string }) {
  const known = LABELS[brand];
  return (
    <svg class="sx-brand" viewBox="0 0 32 20" width="32" height="20" role="img" aria-label={known ? known[0] : label} data-brand={brand}>
      {known ? (
        <>
          <rect width="32" height="20" rx="3" fill={known[1]} />
          <text x="16" y="13.5" text-anchor="middle" font-size={known[0].length > 3 ? 7.5 : 8.5} font-weight="700" fill="#fff" font-family="Arial, sans-serif">
            {known[0]}
          </text>
        </>
      ) : (
        <>
          <rect x="0.5" y="0.5" width="31" height="19" rx="3" fill="none" stroke="currentColor" opacity="0.5" />
          <rect x="0.5" y="5" width="31" height="3.5" fill="currentColor" opacity="0.35" />
        </>
      )}
    </svg>
  );
}
