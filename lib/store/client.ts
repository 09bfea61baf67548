/**
 * The caller's side of the message contract, for content scripts and extension pages: one typed
 * function that sends a request to the background and unwraps its answer.
 */
import { browser } from 'wxt/browser';
import { i18n } from '#i18n';
import type { ApiData, ApiName, ApiRequest, ApiResult } from './api';

export type SendMessage = (message: ApiRequest) => Promise<unknown>;

const sendToBackground: SendMessage = (message) => browser.runtime.sendMessage(message);

/**
 * The background refused a request. `message` is the reason in words, for the reader ("A rule of
 * one character …"); `operation` names the request, which the background puts before the reason
 * for its own logs.
 */
export class StoreError extends Error {
  readonly operation: ApiName;

  constructor(operation: ApiName, reason: string) {
    super(reason.startsWith(`${operation}: `) ? reason.slice(operation.length + 2) : reason);
    this.name = 'StoreError';
    this.operation = operation;
  }
}

function isResponse(value: unknown): value is { ok: true; result: unknown } | { ok: false; error: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { ok?: unknown }).ok === 'boolean';
}

/**
 * Sends `{ type: name, data }` to the background and resolves with the result, or rejects with a
 * `StoreError` when the background answers `ok: false` (or does not answer at all). `send` is
 * replaceable for tests; `origin` names the listing session that asks, so it can recognise the
 * broadcast of its own write. Example: `await callApi('papers.star', { papers: [meta], starred: true })`.
 */
export async function callApi<N extends ApiName>(
  name: N,
  data: ApiData<N>,
  send: SendMessage = sendToBackground,
  origin?: string,
): Promise<ApiResult<N>> {
  const request: ApiRequest<N> = origin === undefined ? { type: name, data } : { type: name, data, origin };
  const response = await send(request as ApiRequest);
  if (!isResponse(response)) throw new StoreError(name, i18n.t('store.noAnswer'));
  if (!response.ok) throw new StoreError(name, String(response.error));
  return response.result as ApiResult<N>;
}
