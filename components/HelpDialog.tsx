import { Modal } from './Modal';
import { SHORTCUTS } from '@/lib/overlay/shortcuts';

/** Every keyboard shortcut, from the same table the keyboard feature dispatches on. */
export function HelpDialog({ onClose }: { onClose(): void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose}>
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
              <kbd>Esc</kbd>
            </th>
            <td>Close a dialog, clear the filter</td>
          </tr>
        </tbody>
      </table>
    </Modal>
  );
}
