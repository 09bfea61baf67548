export function loadMessages(root?: string): Promise<Record<string, { message: string; placeholders?: Record<string, { content: string }> }>>;
export function createGetMessage(messages: Awaited<ReturnType<typeof loadMessages>>): (name: string, substitutions?: string | string[]) => string;
export function i18nEsbuildPlugin(root: string): import('esbuild').Plugin;
