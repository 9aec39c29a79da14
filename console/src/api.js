// The console's calls to the Assetflow API. The console is served from the same origin as the API (the local
// stack's HTTP API at /, CloudFront in a deployed stack, whose behaviours send /assets*, /uploads* and /ops/* to
// the API), so no CORS is involved. With the JWT authorizer the token given on the Sign-in page is sent as a
// bearer token; the IAM authorizer wants SigV4-signed requests, which a browser page does not make (README).

const TOKEN_KEY = 'assetflow.token';

export const token = {
  get: () => localStorage.getItem(TOKEN_KEY) || '',
  set: (value) => (value ? localStorage.setItem(TOKEN_KEY, value) : localStorage.removeItem(TOKEN_KEY)),
};

export class ApiError extends Error {
  constructor(status, body) {
    super(body?.message || `HTTP ${status}`);
    this.status = status;
    this.code = body?.error;
  }
}

/** Calls the API with a JSON body, or (`rawText`) a document's text as it is. */
export async function call(method, path, body, rawText) {
  const headers = { Accept: 'application/json' };
  if (token.get()) headers.Authorization = `Bearer ${token.get()}`;
  if (body !== undefined || rawText !== undefined) headers['Content-Type'] = 'application/json';
  const payload = rawText !== undefined ? rawText : body === undefined ? undefined : JSON.stringify(body);
  const response = await fetch(path, { method, headers, body: payload });
  const text = await response.text();
  const json = text ? safeJson(text) : null;
  if (!response.ok && response.status !== 207) throw new ApiError(response.status, json);
  return json;
}

function safeJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { message: text.slice(0, 200) };
  }
}

/** Where the console finds a rendition: renditions/… under its own origin (the local stack, or CloudFront). */
export function renditionUrl(location) {
  const match = /^s3:\/\/[^/]+\/(.*)$/.exec(location || '');
  return match ? '/' + match[1].split('/').map(encodeURIComponent).join('/') : null;
}
