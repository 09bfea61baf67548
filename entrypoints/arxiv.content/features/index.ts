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

export const features: readonly Feature[] = [star, hide, tags, note, abstracts, seen, highlight, select, copyBibtex, ranking, keyboard];
