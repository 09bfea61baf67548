import type { BrowserContext } from '@playwright/test';
export const CHROME_BUILD: string;
export const READER_BUILD: string;
export function launchWithExtension(options?: {
  headless?: boolean;
  extensionPath?: string;
  viewport?: { width: number; height: number };
  args?: string[];
}): Promise<{ context: BrowserContext; extensionId: string; userDataDir: string }>;
