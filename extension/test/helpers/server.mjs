// A stand-in for the Vigie server in worker tests: fetch answered by routes keyed "METHOD /path", every request kept.

/** A JSON response with that status. */
export const json = (status, body) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/**
 * @param {Record<string, (init: RequestInit) => Response | Promise<Response>>} routes "METHOD /path" → answer; any
 *   other request fails as a network error does
 * @returns {{ fetch: typeof fetch, calls: { key: string, url: string, headers: Headers, body: any, json(): any }[] }}
 */
export function fakeServer(routes) {
  const calls = [];
  const fetch = async (url, init = {}) => {
    const key = `${init.method ?? 'GET'} ${new URL(url).pathname}`;
    const { body } = init;
    calls.push({ key, url, headers: new Headers(init.headers), body, json: () => JSON.parse(body) });
    const route = routes[key];
    if (!route) throw new TypeError('fetch failed');
    return route(init);
  };
  return { fetch, calls };
}
