import { i18n } from '#i18n';
import { Modal } from './Modal';
import { SHORTCUTS } from '@/lib/overlay/shortcuts';

/** Every keyboard shortcut, from the same table the keyboard feature dispatches on. */
export function HelpDialog({ onClose }: { onClose(): void }) {
  return (
    <Modal title={i18n.t('overlay.help.title')} onClose={onClose}>
      <table class="shortcuts">
        <tbody>
          {SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.key}>
              <th scope="row">
                <kbd>{shortcut.key}</kbd>
              </th>
              <td>{shortcut.description}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">
              <kbd>{i18n.t('overlay.help.escKey')}</kbd>
            </th>
            <td>{i18n.t('overlay.help.esc')}</td>
          </tr>
        </tbody>
      </table>
    </Modal>
  );
}
