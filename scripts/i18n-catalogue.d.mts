export function loadMessages(root?: string): Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
export function installCatalogue(root?: string): void;
export function createGetMessage(messages: ReturnType<typeof loadMessages>): (name: string, substitutions?: string | string[]) => string;
export function i18nEsbuildPlugin(root: string): import('esbuild').Plugin;
