// The view as data, and the URL that holds it whole: the centre and the expansions in order, neighbours
// added from "+N more" lists, hidden and pinned organisations, every position, the filters, the
// language, the date controls, the colouring (by country or by community), the path question and the
// selection. A link reopens the same view; each view action is a history entry, so Back and Forward (and
// Undo and Redo) step through views.

export function emptyView() {
  return {
    lang: 'en', year: null, yearTo: null, colour: 'country',
    centre: '', expanded: [], added: [], hidden: [], pinned: [], pos: {},
    filters: ['category:evidence'],
    from: '', to: '', evidence: false, all: false, chain: false,
    pathAt: null,  // how many expansions came before the path was asked (null: all of them)
    selected: '', layout: '', zoom: null, pan: null,
  };
}

// Where the path comes among the expansions when a view is replayed (null: no path).
export function pathPosition(view) {
  if (!view.from || !view.to) return null;
  return view.pathAt === null ? view.expanded.length : Math.min(view.pathAt, view.expanded.length);
}

const list = (text) => (text ? text.split(',').filter(Boolean) : []);
const number = (text) => {
  const n = Number.parseFloat(text ?? '');
  return Number.isFinite(n) ? n : null;
};

export function encode(view) {
  const p = new URLSearchParams();
  if (view.lang !== 'en') p.set('lang', view.lang);
  if (view.year !== null) p.set('year', view.year);
  if (view.year !== null && view.yearTo !== null) p.set('year_to', view.yearTo);
  if (view.colour !== 'country') p.set('colour', view.colour);
  if (view.centre) p.set('entity', view.centre);
  if (view.expanded.length) p.set('expand', view.expanded.join(','));
  if (view.added.length) p.set('add', view.added.join(','));
  if (view.hidden.length) p.set('hide', view.hidden.join(','));
  if (view.pinned.length) p.set('pin', view.pinned.join(','));
  const positions = Object.entries(view.pos).map(([id, [x, y]]) => `${id}:${Math.round(x)}:${Math.round(y)}`);
  if (positions.length) p.set('pos', positions.join(','));
  p.set('filters', [...view.filters].sort().join(','));
  if (view.from) p.set('from', view.from);
  if (view.to) p.set('to', view.to);
  if (pathPosition(view) !== null && pathPosition(view) < view.expanded.length) p.set('path_at', pathPosition(view));
  if (view.evidence) p.set('evidence', '1');
  if (view.all) p.set('all', '1');
  if (view.chain) p.set('chain', '1');
  if (view.selected) p.set('sel', view.selected);
  if (view.layout) p.set('layout', view.layout);
  if (view.zoom !== null) p.set('zoom', view.zoom.toFixed(3));
  if (view.pan) p.set('pan', `${Math.round(view.pan.x)}:${Math.round(view.pan.y)}`);
  // Commas and colons need no escaping in a fragment: the link stays readable.
  return `#${p.toString().replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%7E/gi, '~')}`;
}

export function decode(hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const view = emptyView();
  view.lang = ['en', 'ja', 'vi'].includes(p.get('lang')) ? p.get('lang') : 'en';
  view.year = number(p.get('year'));
  view.yearTo = view.year === null ? null : number(p.get('year_to'));
  view.colour = p.get('colour') === 'community' ? 'community' : 'country';
  view.centre = p.get('entity') || '';
  view.expanded = list(p.get('expand'));
  if (view.centre && !view.expanded.includes(view.centre)) view.expanded.unshift(view.centre);
  view.added = list(p.get('add'));
  view.hidden = list(p.get('hide'));
  view.pinned = list(p.get('pin'));
  for (const item of list(p.get('pos'))) {
    const parts = item.split(':');
    const y = number(parts.pop()), x = number(parts.pop());
    if (x !== null && y !== null && parts.length) view.pos[parts.join(':')] = [x, y];
  }
  if (p.has('filters')) view.filters = list(p.get('filters'));
  view.from = p.get('from') || '';
  view.to = p.get('to') || '';
  // Without path_at the path came after every expansion the link holds (later ones come after it).
  const pathAt = number(p.get('path_at'));
  view.pathAt = pathAt !== null && Number.isInteger(pathAt) && pathAt >= 0 ? pathAt : view.expanded.length;
  view.evidence = p.get('evidence') === '1';
  view.all = p.get('all') === '1';
  view.chain = p.get('chain') === '1';
  view.selected = p.get('sel') || '';
  view.layout = p.get('layout') || '';
  view.zoom = number(p.get('zoom'));
  const pan = (p.get('pan') || '').split(':').map(number);
  view.pan = pan.length === 2 && pan[0] !== null && pan[1] !== null ? { x: pan[0], y: pan[1] } : null;
  return view;
}

// The part of a view that decides what is drawn (not where the camera looks, nor what is selected).
export function drawnKey(view) {
  return JSON.stringify([view.centre, view.expanded, view.added, view.hidden, view.from, view.to, view.evidence,
                         view.all, view.chain, view.lang, pathPosition(view)]);
}
