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
export const API_URL: string;
/** One request to arXiv's API as the route saw it. */
export interface ApiRequestSeen {
  at: number;
  method: string;
  ids: string[];
}
export function apiRequestIds(url: URL, postBody?: string): string[];
export function apiResponse(url: URL, postBody?: string): ArxivResponse & { body: string };
export function routeArxiv(
  context: BrowserContext,
  options?: {
    extra?: Record<string, string>;
    onApiRequest?: (request: ApiRequestSeen) => ArxivResponse | 'abort' | undefined | Promise<ArxivResponse | 'abort' | undefined>;
  },
): Promise<void>;
