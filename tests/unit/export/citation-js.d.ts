// citation-js 0.8 ships no type declarations; these cover only what the export tests call.
declare module '@citation-js/core' {
  export interface CslData {
    id: string;
    type?: string;
    title?: string;
    author?: { family?: string; given?: string; literal?: string; 'non-dropping-particle'?: string; suffix?: string }[];
    issued?: { 'date-parts'?: number[][] };
    URL?: string;
    DOI?: string;
    number?: string;
    publisher?: string;
    abstract?: string;
    keyword?: string;
    note?: string;
    [field: string]: unknown;
  }
  export class Cite {
    constructor(data: unknown, options?: Record<string, unknown>);
    data: CslData[];
    format(format: string, options?: Record<string, unknown>): string;
  }
  export const plugins: {
    input: {
      chain(data: unknown, options?: { target?: string; generateGraph?: boolean }): unknown;
    };
  };
}
declare module '@citation-js/plugin-bibtex';
declare module '@citation-js/plugin-ris';
declare module '@citation-js/plugin-csl';
