/**
 * A JSON file the hub publishes (the share feed, digests, the lists islands
 * fetch): `value` serialized (`indent` spaces for files people read), as
 * UTF-8 JSON, with any other `headers`.
 */
export function jsonResponse(value: unknown, { indent, headers }: { indent?: number; headers?: Record<string, string> } = {}): Response {
  return new Response(JSON.stringify(value, null, indent), { headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
}
