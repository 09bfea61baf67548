import type { Feature } from '@/lib/overlay/feature';
import { star } from './star';
import { hide } from './hide';
import { tags } from './tags';
import { note } from './note';
import { seen } from './seen';
import { abstracts } from './abstracts';
import { highlight } from './highlight';
import { keyboard } from './keyboard';
import { select } from './select';
import { copyBibtex } from './copy-bibtex';
import { ranking } from './ranking';

// In the order their buttons sit in each entry's controls. Ranking's come last: they appear when
// the scores do, after the page, and at the end of the row they move no other button.
export const features: readonly Feature[] = [star, hide, tags, note, abstracts, seen, highlight, select, copyBibtex, ranking, keyboard];
