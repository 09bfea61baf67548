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
      <h2 id="abstracts-heading">Abstracts</h2>
      <label>
        <input type="checkbox" checked={model.enabled.value} onChange={(event) => void model.setEnabled(event.currentTarget.checked)} />
        Fetch missing abstracts from arXiv
      </label>
      <p class="muted">
        Listings such as <code>/recent</code>, <code>/pastweek</code> and author pages show no abstracts. Sift shows the ones it read on
        earlier pages and, with this on, asks arXiv’s API (export.arxiv.org) for the rest: paper ids only, one request every 3
        seconds at most. Off, only abstracts already read are shown.
      </p>
    </section>
  );
}
