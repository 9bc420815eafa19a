import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN } from './accounts';

/** Users the customers spec creates for itself (the foundation spec owns sally and victor). */
export const OTTO = { username: 'otto', displayName: 'Otto Admin', password: 'otto-Passw0rd', role: 'admin' } as const;

/** A small client for the office server's API, for setting up data fast (HTTP, not the UI). */
export class Api {
  private constructor(
    private readonly request: APIRequestContext,
    readonly token: string,
  ) {}

  static async signIn(request: APIRequestContext, username = ADMIN.username, password = ADMIN.password): Promise<Api> {
    const answer = await request.post('/api/v1/auth.login', { data: { username, password } });
    expect(answer.ok(), await answer.text()).toBe(true);
    return new Api(request, ((await answer.json()) as { token: string }).token);
  }

  async call<T = Record<string, unknown>>(method: string, input: unknown = {}): Promise<T> {
    const answer = await this.request.post(`/api/v1/${method}`, { data: input, headers: { Authorization: `Bearer ${this.token}` } });
    const body = (await answer.json()) as T & { error?: { code: string; message: string } };
    if (!answer.ok()) throw new Error(`${method}: ${answer.status()} ${body.error?.code} ${body.error?.message}`);
    return body;
  }

  /** Creates the user unless a previous run on this server already did. */
  async ensureUser(user: { username: string; displayName: string; password: string; role: string }) {
    const { items } = await this.call<{ items: { username: string }[] }>('users.list', { includeInactive: true });
    if (!items.some((existing) => existing.username === user.username)) await this.call('users.create', user);
  }
}

/** Waits until no request is in flight from the page's table (the list finished loading). */
export async function waitForList(page: Page, type: string) {
  await expect(page.getByRole('grid', { name: type })).toHaveAttribute('aria-busy', 'false');
}

/** A string unique to this run, so reruns against a kept server do not collide. */
export function runId(): string {
  return Date.now().toString(36).slice(-5);
}
