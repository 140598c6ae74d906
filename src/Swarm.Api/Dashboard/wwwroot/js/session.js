// The credential the user signed in with. It lives in this tab's sessionStorage only (gone when the tab closes) and
// leaves the page only as a request header: never in a URL, where logs and the browser's history would keep it.
const key = 'swarm.dashboard.credential';

export function saved() {
  return sessionStorage.getItem(key);
}

export function save(credential) {
  sessionStorage.setItem(key, credential);
}

export function forget() {
  sessionStorage.removeItem(key);
}

/** The Authorization header for a credential: an agent's API key (swk.…) uses the ApiKey scheme, anything else is a bearer token. */
export function authorization(credential) {
  return credential.startsWith('swk.') ? `ApiKey ${credential}` : `Bearer ${credential}`;
}

/** Who the credential says it is, for display only (the API decides what it may do): a JWT's subject and roles, or the key's id. */
export function describe(credential) {
  if (credential.startsWith('swk.')) return `agent key ${credential.split('.')[1] ?? ''}`;
  try {
    const payload = JSON.parse(atob(credential.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')));
    const roles = [].concat(payload.roles ?? payload.role ?? []);
    return `${payload.sub ?? 'unknown'}${roles.length ? ` (${roles.join(', ')})` : ''}`;
  } catch {
    return 'a bearer token';
  }
}
