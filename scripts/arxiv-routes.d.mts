import type { BrowserContext } from '@playwright/test';
export const FIXTURES_DIR: string;
export const ARXIV_FIXTURES: Record<string, string>;
export function routeArxiv(context: BrowserContext, options?: { extra?: Record<string, string> }): Promise<void>;
