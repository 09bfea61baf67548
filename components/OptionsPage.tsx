import { i18n } from '#i18n';
import { AbstractsSettings } from './AbstractsSettings';
import { BackupPanel, type BackupPanelProps } from './BackupPanel';
import { RulesPanel, type RulesPanelProps } from './RulesPanel';
import { SyncSettings } from './SyncSettings';
import { MyPapers } from './MyPapers';
import { TagManager, type TagManagerProps } from './TagManager';

export interface OptionsPageProps {
  tags: TagManagerProps;
  /** `undefined` while the rules load. */
  rules: RulesPanelProps | undefined;
  backup: BackupPanelProps;
  onOpenReadingList(): void;
  /** Why the store could not be read, if it could not. */
  loadError?: string | undefined;
}

/** The options page: tags, highlight rules, and backup and restore, one section each. */
export function OptionsPage({ tags, rules, backup, onOpenReadingList, loadError }: OptionsPageProps) {
  return (
    <div class="page options">
      <header class="masthead">
        <h1>{i18n.t('options.heading')}</h1>
        <nav aria-label={i18n.t('options.sectionsLabel')}>
          <a href="#tags">{i18n.t('options.tags.heading')}</a>
          <a href="#rules">{i18n.t('options.rules.heading')}</a>
          <a href="#abstracts">{i18n.t('options.abstracts.heading')}</a>
          <a href="#backup">{i18n.t('options.backup.heading')}</a>
        </nav>
        <button type="button" class="action" onClick={onOpenReadingList}>
          {i18n.t('options.openReadingList')}
        </button>
      </header>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      <main>
        <section id="tags" aria-labelledby="tags-heading">
          <h2 id="tags-heading">{i18n.t('options.tags.heading')}</h2>
          <TagManager {...tags} />
        </section>
        <section id="rules" aria-labelledby="rules-heading">
          <h2 id="rules-heading">{i18n.t('options.rules.heading')}</h2>
          <p class="muted">{i18n.t('options.rules.intro')}</p>
          {rules ? <RulesPanel {...rules} /> : <p class="muted">{i18n.t('options.rules.loading')}</p>}
        </section>
        <AbstractsSettings />
        <SyncSettings />
        <MyPapers />
        <section id="backup" aria-labelledby="backup-heading">
          <h2 id="backup-heading">{i18n.t('options.backup.heading')}</h2>
          <BackupPanel {...backup} />
        </section>
      </main>
    </div>
  );
}
