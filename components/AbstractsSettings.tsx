import { i18n } from '#i18n';
import { fillSlots } from '@/lib/extension-pages/message-slots';
import { sharedFetchAbstracts, type FetchAbstractsModel } from '@/lib/settings/fetch-abstracts';

export interface AbstractsSettingsProps {
  /** The `fetchAbstracts` setting; the model every extension page shares when absent. */
  model?: FetchAbstractsModel;
}

/**
 * The options page's "Abstracts" section: whether Sift may fetch the abstracts that `/recent`,
 * `/pastweek`, month and author listings leave out, with what that sends and to whom.
 */
export function AbstractsSettings(props: AbstractsSettingsProps) {
  const model = props.model ?? sharedFetchAbstracts();
  return (
    <section id="abstracts" aria-labelledby="abstracts-heading">
      <h2 id="abstracts-heading">{i18n.t('options.abstracts.heading')}</h2>
      <label>
        <input type="checkbox" checked={model.enabled.value} onChange={(event) => void model.setEnabled(event.currentTarget.checked)} />
        {i18n.t('options.abstracts.fetch')}
      </label>
      <p class="muted">
        {fillSlots((marks) => i18n.t('options.abstracts.explain', marks), {
          // arXiv's listing paths, the same in every language.
          recent: <code>{'/recent'}</code>,
          pastweek: <code>{'/pastweek'}</code>,
        })}
      </p>
    </section>
  );
}
