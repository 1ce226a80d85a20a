/** What every modal view is drawn with: its view, the locale, the latest status line, and the customer's two ways out. */
import type { Locale, ModalView } from '@soxara/protocol';

export interface ViewProps<V extends ModalView> {
  view: V;
  locale: Locale;
  status: string | null;
  onCancel(): void;
  onResend(): void;
}
