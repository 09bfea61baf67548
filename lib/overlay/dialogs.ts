import { signal, type ReadonlySignal } from '@preact/signals';
import type { Entry } from './entry-index';

/** The one dialog the overlay shows at a time; features open them, the overlay UI renders them. */
export type DialogRequest =
  | { kind: 'tags'; entry: Entry }
  | { kind: 'note'; entry: Entry }
  | { kind: 'help' }
  | { kind: 'rules' };

export interface Dialogs {
  readonly current: ReadonlySignal<DialogRequest | undefined>;
  open(request: DialogRequest): void;
  close(): void;
}

export function createDialogs(): Dialogs {
  const current = signal<DialogRequest | undefined>(undefined);
  return {
    current,
    open: (request) => void (current.value = request),
    close: () => void (current.value = undefined),
  };
}
