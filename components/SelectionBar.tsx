import { useEffect, useRef } from 'preact/hooks';
import { i18n } from '#i18n';
import { fillSlots } from '@/lib/extension-pages/message-slots';
import type { ExportFormatId } from '@/lib/export/options';
import { ExportMenu, type ExportHow } from './ExportMenu';

export interface SelectionBarProps {
  /** Selected papers. */
  count: number;
  /** Entries the filters leave shown, for "Select all shown". */
  shown: number;
  /** The Undo button's text while the last bulk action can be undone. */
  undoLabel?: string | undefined;
  onStar(starred: boolean): void;
  onTag(): void;
  onHide(): void;
  onMarkSeen(): void;
  onExport(format: ExportFormatId, how: ExportHow): void;
  onSelectShown(): void;
  onClear(): void;
  onUndo(): void;
}

/**
 * The bar for bulk work, shown while papers are selected (or an undo is on offer): the count and
 * one button per action on the whole selection.
 */
export function SelectionBar(props: SelectionBarProps) {
  const { count } = props;
  const none = count === 0;
  const bar = useRef<HTMLDivElement>(null);
  // The bar is fixed over the page's bottom edge: the page's scroll padding keeps keyboard focus
  // (j/k, Tab) from landing under it, sized from the bar's real height as it wraps.
  useEffect(() => {
    const node = bar.current;
    if (!node) return;
    const root = node.ownerDocument.documentElement;
    const observer = new ResizeObserver(() => void (root.style.scrollPaddingBottom = `${node.getBoundingClientRect().height + 16}px`));
    observer.observe(node);
    return () => {
      observer.disconnect();
      root.style.removeProperty('scroll-padding-bottom');
    };
  }, []);
  return (
    <div ref={bar} class="bar selection-bar" role="toolbar" aria-label={i18n.t('overlay.selection.label')}>
      <span class="count" role="status">
        {fillSlots((marks) => i18n.t('overlay.selection.count', marks), { count: <strong>{count}</strong> })}
      </span>
      <button type="button" class="action" disabled={none} onClick={() => props.onStar(true)}>
        {i18n.t('overlay.selection.star')}
      </button>
      <button type="button" class="action" disabled={none} onClick={() => props.onStar(false)}>
        {i18n.t('overlay.selection.unstar')}
      </button>
      <button type="button" class="action" aria-haspopup="dialog" disabled={none} onClick={props.onTag}>
        {i18n.t('overlay.selection.tag')}
      </button>
      <button type="button" class="action" disabled={none} onClick={props.onHide}>
        {i18n.t('overlay.selection.hide')}
      </button>
      <button type="button" class="action" disabled={none} onClick={props.onMarkSeen}>
        {i18n.t('overlay.selection.markSeen')}
      </button>
      <ExportMenu label={i18n.t('overlay.selection.export')} disabled={none} onExport={props.onExport} />
      <button type="button" class="action" onClick={props.onSelectShown}>
        {i18n.t('overlay.selection.selectShown', [props.shown])}
      </button>
      {props.undoLabel && (
        <button type="button" class="action" onClick={props.onUndo}>
          {props.undoLabel}
        </button>
      )}
      <button type="button" class="action" disabled={none} onClick={props.onClear}>
        {i18n.t('overlay.selection.clear')}
      </button>
    </div>
  );
}
