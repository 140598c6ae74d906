// JSON from outside the bridge (a channel frame, a model's text) that may not be JSON at all.

/** The parsed value, or null when the text is not JSON. */
export function tryParseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
