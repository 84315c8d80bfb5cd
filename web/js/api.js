// GET /api/…: the JSON answers of `kizuna serve` (the same as `kizuna … --format json`). A failure
// rejects with an ApiError carrying the command line's exit code and the server's own message.
import { language } from './i18n.js';

export class ApiError extends Error {
  constructor(message, exit) {
    super(message);
    this.exit = exit;
  }
}

const cache = new Map();  // answers by URL: the data changes under a page only by its own writes (edit.js)
const RETRIES = 5;        // a busy server's 503: asked again after 0.1, 0.2, 0.4, 0.8 and 1.6 s

// After a write: every answer is asked again.
export function forgetAnswers() {
  cache.clear();
}

export async function api(path, params = {}, { cached = false } = {}) {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === false || value === '') continue;
    for (const v of Array.isArray(value) ? value : [value]) query.append(key, v === true ? '1' : String(v));
  }
  query.set('lang', language());
  const url = `/api/${path}?${query}`;
  if (cached && cache.has(url)) return cache.get(url);
  const request = (async () => {
    for (let attempt = 0; ; ++attempt) {
      let response;
      try {
        response = await fetch(url);
      } catch (error) {
        throw new ApiError(String(error), undefined);
      }
      // The server runs at most as many queries at once as it has cores and asks the others to come back
      // (503 with Retry-After): a replayed view asks for several neighbourhoods at once.
      if (response.status === 503 && response.headers.has('Retry-After') && attempt < RETRIES) {
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
        continue;
      }
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new ApiError(body.error || response.statusText, body.exit ?? 1);
      return body;
    }
  })();
  if (cached) {
    cache.set(url, request);
    request.catch(() => cache.delete(url));
  }
  return request;
}

// The relations of an entity with the partner at their other end (cached: expansions replay them).
export function partners(id, when = {}) {
  return api(`partners/${encodeURIComponent(id)}`, when, { cached: true });
}

// ---- neighbourhoods ------------------------------------------------------------------------------------
// A hub's `partners` answer carries every relation in full (thousands, seconds to read); the map draws at
// most MAX_NEW of them. So a neighbourhood is first asked lightly, through the query endpoint, with only
// what the graph holds in memory (type, start date, direction, partner id); up to SMALL relations the
// `partners` answer is taken whole, else only the neighbours drawn are read in full.
export const SMALL = 150;
const LIGHT = 'MATCH (h {id: $id})-[r]-(p) RETURN type(r) AS type, r.start AS start, startNode(r).id AS from, p.id AS partner';
const FULL = 'MATCH (h {id: $id})-[r]-(p) WHERE p.id IN $ids RETURN r, p';
const ENTITY = 'MATCH (n {id: $id}) RETURN n';
const NAMES = 'MATCH (h {id: $id})--(p) RETURN DISTINCT p.id AS id, p.kind AS kind, p.country AS country, ' +
              'p.name_en AS en, p.name_ja AS ja, p.name_vi AS vi, p.aliases AS aliases';

const query = (text, params, cached = true) =>
  api('query', { query: text, param: Object.entries(params).map(([k, v]) => `${k}=${JSON.stringify(v)}`) }, { cached });

const ENTITY_FIELDS = new Set(['id', 'kind', 'name', 'name_en', 'name_ja', 'name_vi', 'aliases', 'country', 'sources']);
const RELATION_FIELDS = new Set(['id', 'start', 'end', 'category', 'sources']);
const rest = (properties, known) => Object.fromEntries(Object.entries(properties).filter(([k]) => !known.has(k)).map(([k, v]) => [k, String(v)]));

// A query answer's node and relationship in the shape of the other answers (`show`, `partners`).
export function entityOf(node) {
  const p = node.properties;
  return { id: p.id, kind: p.kind, country: p.country || '', names: { en: p.name_en || null, ja: p.name_ja || null, vi: p.name_vi || null },
           aliases: p.aliases || [], sources: p.sources || [], attributes: rest(p, ENTITY_FIELDS) };
}
export function relationOf(relationship) {
  const p = relationship.properties;
  return { id: p.id, type: relationship.type, from: relationship.start, to: relationship.end, start: p.start || null,
           end: p.end || null, category: p.category, sources: p.sources || [], attributes: rest(p, RELATION_FIELDS) };
}

// One relation as stored now (not cached: an edit reads it again after a conflict), or null.
export async function relationById(id) {
  const answer = await query('MATCH ()-[r]->() WHERE r.id = $id RETURN r', { id }, false);
  return answer.rows.length ? relationOf(answer.rows[0].r) : null;
}

// {entity, partners: [{partner, relation}] (in full), light: null} for a small neighbourhood;
// {entity, partners: [], light: [{type, start, from, partner}]} for a hub.
export async function neighbourhood(id) {
  const light = await query(LIGHT, { id });
  if (light.rows.length <= SMALL) {
    const whole = await partners(id);
    return { entity: whole.entity, partners: whole.partners, light: null };
  }
  const entity = await query(ENTITY, { id });
  if (!entity.rows.length) throw new ApiError(`no entity ${id}`, 2);
  return { entity: entityOf(entity.rows[0].n), partners: [], light: light.rows };
}

// The relations between `id` and the neighbours `ids`, in full: [{partner, relation}].
export async function details(id, ids) {
  if (!ids.length) return [];
  const answer = await query(FULL, { id, ids: [...ids].sort() });
  return answer.rows.map((row) => ({ partner: entityOf(row.p), relation: relationOf(row.r) }));
}

// Names, kinds and countries of every neighbour of a hub: for its "+N more" list.
export async function neighbourNames(id) {
  const answer = await query(NAMES, { id });
  return new Map(answer.rows.map((row) => [row.id, { id: row.id, kind: row.kind, country: row.country || '',
    names: { en: row.en || null, ja: row.ja || null, vi: row.vi || null }, aliases: row.aliases || [] }]));
}
