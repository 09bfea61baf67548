export function throwawayCertificate(host?: string): { key: Buffer; cert: Buffer };
export function startApiProxy(): Promise<{ port: number; pacUrl: string; requests: string[]; close(): Promise<void> }>;
