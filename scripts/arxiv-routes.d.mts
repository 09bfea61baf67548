import type { BrowserContext } from '@playwright/test';
export const FIXTURES_DIR: string;
export const ARXIV_FIXTURES: Record<string, string>;
export interface ArxivResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers: Record<string, string>;
}
export function arxivResponse(url: URL, options?: { extra?: Record<string, string>; cache?: Map<string, Buffer> }): ArxivResponse | undefined;
export function routeArxiv(context: BrowserContext, options?: { extra?: Record<string, string> }): Promise<void>;
