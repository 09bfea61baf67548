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
        <h1>Sift options</h1>
        <nav aria-label="Sections">
          <a href="#tags">Tags</a>
          <a href="#rules">Highlight rules</a>
          <a href="#abstracts">Abstracts</a>
          <a href="#backup">Backup and restore</a>
        </nav>
        <button type="button" class="action" onClick={onOpenReadingList}>
          Reading list
        </button>
      </header>
      {loadError && (
        <p class="error" role="alert">
          {loadError}
        </p>
      )}
      <main>
        <section id="tags" aria-labelledby="tags-heading">
          <h2 id="tags-heading">Tags</h2>
          <TagManager {...tags} />
        </section>
        <section id="rules" aria-labelledby="rules-heading">
          <h2 id="rules-heading">Highlight rules</h2>
          <p class="muted">Rules highlight, star or hide papers on every listing. The preview runs the rule you are writing on a sample listing (cs.DC, 27 February 2026).</p>
          {rules ? <RulesPanel {...rules} /> : <p class="muted">Loading rules…</p>}
        </section>
        <AbstractsSettings />
        <SyncSettings />
        <MyPapers />
        <section id="backup" aria-labelledby="backup-heading">
          <h2 id="backup-heading">Backup and restore</h2>
          <BackupPanel {...backup} />
        </section>
      </main>
    </div>
  );
}
