import { i18n } from '#i18n';
import { isContextInvalidated } from './context-invalidated';

/**
 * A polite live region for errors and confirmations from UI event handlers, so a failed save is
 * announced and visible instead of silently reverting a control.
 */
export interface Notifier {
  show(message: string, kind?: 'info' | 'error'): void;
  /**
   * Shows `What failed: why`. An extension updated under a live tab fails every call with
   * "Extension context invalidated"; the overlay then detaches, so that one is not shown.
   */
  failure(what: string, error: unknown): void;
}

export function createNotifier(host: ParentNode, doc: Document, signal: AbortSignal): Notifier {
  const region = doc.createElement('div');
  region.className = 'sift-status';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  host.append(region);
  let timer: ReturnType<typeof setTimeout> | undefined;
  signal.addEventListener('abort', () => {
    clearTimeout(timer);
    region.remove();
  });
  const show: Notifier['show'] = (message, kind = 'info') => {
    region.textContent = message;
    region.dataset.kind = kind;
    clearTimeout(timer);
    timer = setTimeout(() => (region.textContent = ''), kind === 'error' ? 8000 : 3000);
  };
  return {
    show,
    failure(what, error) {
      if (signal.aborted || isContextInvalidated(error)) return;
      show(i18n.t('overlay.failure', [what, error instanceof Error ? error.message : String(error)]), 'error');
    },
  };
}
