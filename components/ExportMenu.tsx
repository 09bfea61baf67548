import { useRef, useState } from 'preact/hooks';
import { i18n } from '#i18n';
import { EXPORT_FORMAT_TABLE } from '@/lib/export/format-table';
import type { ExportFormatId } from '@/lib/export/options';

export type ExportHow = 'download' | 'copy';

export interface ExportMenuProps {
  /** The button's text, e.g. "Export" or "Export 37 shown". */
  label: string;
  disabled?: boolean;
  onExport(format: ExportFormatId, how: ExportHow): void;
}

/**
 * A disclosure button that opens the six export formats, each downloadable or copyable. Escape
 * and every choice close it and give focus back to the button that opened it.
 */
export function ExportMenu({ label, disabled, onExport }: ExportMenuProps) {
  const [open, setOpen] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    trigger.current?.focus();
  };
  return (
    <span
      class="menu-wrap"
      onKeyDown={(event) => {
        if (event.key === 'Escape' && open) {
          event.stopPropagation();
          close();
        }
      }}
    >
      <button ref={trigger} type="button" class="action" aria-expanded={open} disabled={disabled} onClick={() => setOpen(!open)}>
        {label} ▸
      </button>
      {open && (
        <div class="menu" role="group" aria-label={label}>
          {EXPORT_FORMAT_TABLE.map((format) => (
            <div key={format.id} class="menu-row">
              <span>{format.label}</span>
              <button
                type="button"
                class="action"
                aria-label={i18n.t('export.menu.downloadFormat', { format: format.label })}
                onClick={() => {
                  close();
                  onExport(format.id, 'download');
                }}
              >
                {i18n.t('export.menu.download')}
              </button>
              <button
                type="button"
                class="action"
                aria-label={i18n.t('export.menu.copyFormat', { format: format.label })}
                onClick={() => {
                  close();
                  onExport(format.id, 'copy');
                }}
              >
                {i18n.t('export.menu.copy')}
              </button>
            </div>
          ))}
        </div>
      )}
    </span>
  );
}
