  function renderStory(main, r, d) {
    const docs = new Map(d.docs.map((x) => [x.id, x]));
    const label = (id) => { const x = docs.get(id); return x ? x.outlet || x.title || id : id; };
    const cards = new Map();
    const show = (doc, span) => {
      const card = cards.get(doc);
      if (!card || !span) return;
      const body = renderBody(docs.get(doc), label, span);
      card.querySelector('.body').replaceWith(body);
      const m = body.querySelector('mark.focus');
      if (m) { m.scrollIntoView({ block: 'center' }); m.focus(); }
    };
    const ref = (doc, span, text) => span && cards.has(doc)
      ? el('button', { type: 'button', class: 'link', onclick: () => show(doc, span) }, text || label(doc))
      : text || label(doc);
    const card = (x) => { const c = docCard(x, label); cards.set(x.id, c); return c; };
    const grid = el('div', { class: 'sources' }, d.docs.slice(0, CARDS).map(card));
    const more = d.docs.length > CARDS
      ? el('button', { type: 'button', onclick: (e) => { grid.append(...d.docs.slice(CARDS).map(card)); e.target.remove(); } },
        'Show the other ' + (d.docs.length - CARDS) + ' sources')
      : null;
    main.replaceChildren(
      el('h2', null, r[1]),
      el('p', { class: 'meta' }, dates(r[2], r[3]) + ' · ' + count(r[4], 'document') + ' · ' + count(r[5], 'outlet')),
      section('Sources side by side',
        d.docs.some((x) => x.marks) ? el('p', { class: 'legend meta' }, el('mark', null, 'highlighted'), ' passages are shared through a reprint (hover for the other document).') : null,
        grid, more),
      timeline(d.docs, label),
      quotes(d, ref),
      numbers(d, ref),
      claims(d, ref, label),
    );
  }

  function docCard(x, label) {
    const by = x.byline || x.credit;
    const meta = [x.outlet, x.published || x.date, by ? 'by ' + by : null, x.lang].filter(Boolean).join(' · ');
    const url = x.url && /^https?:\/\//i.test(x.url) ? el('a', { href: x.url, rel: 'noopener noreferrer' }, x.url) : x.url;
    const group = x.group && x.group !== x.id ? 'duplicate of ' + x.group : null;
    return el('article', { class: 'doc' },
      el('h4', null, x.title || x.id),
      el('p', { class: 'meta' }, meta || 'no outlet, date or byline'),
      el('p', { class: 'meta' }, x.id + ' · ' + count(x.chars, 'char'), group ? ' · ' + group : null),
      url ? el('p', { class: 'meta' }, url) : null,
      renderBody(x, label, null));
  }

  function renderBody(x, label, focus) {
    const div = el('div', { class: 'body', tabindex: '0', 'aria-label': 'Text of ' + (x.title || x.id) });
    if (typeof x.body !== 'string') {
      div.append(el('span', { class: 'meta' }, 'The body was not written (--no-body).'));
      return div;
    }
    const text = x.body;
    const clamp = (n) => Math.max(0, Math.min(text.length, n));
    const ranges = (x.marks || []).map((m) => ({
      s: clamp(m.s), e: clamp(m.e), cls: 'reprint',
      title: (m.original ? 'taken by ' : 'taken from ') + label(m.with),
    }));
    if (focus) ranges.push({ s: clamp(focus[0]), e: clamp(focus[1]), cls: 'focus', title: 'selected' });
    const cuts = [...new Set([0, text.length, ...ranges.flatMap((m) => [m.s, m.e])])].sort((a, b) => a - b);
    for (let i = 0; i + 1 < cuts.length; i++) {
      const a = cuts[i], b = cuts[i + 1];
      const on = ranges.filter((m) => m.s <= a && b <= m.e);
      const seg = text.slice(a, b);
      if (!on.length) { div.append(seg); continue; }
      const focused = on.some((m) => m.cls === 'focus');
      div.append(el('mark', {
        class: [...new Set(on.map((m) => m.cls))].join(' '),
        title: [...new Set(on.map((m) => m.title))].join('; '),
        tabindex: focused ? '-1' : null,
      }, seg));
    }
    return div;
  }

  function timeline(docs, label) {
    const ns = 'http://www.w3.org/2000/svg';
    const svgEl = (tag, attrs, text) => {
      const e = document.createElementNS(ns, tag);
      for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
      if (text !== undefined) e.textContent = text;
      return e;
    };
    const when = (x) => x.published || x.date;
    const time = (x) => Date.parse(x.published || x.date + 'T00:00:00Z');
    const dated = docs.filter((x) => when(x) && !Number.isNaN(time(x)));
    if (!dated.length) return section('Timeline', el('p', { class: 'meta' }, 'No document is dated.'));
    const t0 = Math.min(...dated.map(time)), t1 = Math.max(...dated.map(time));
    const h = 28 + 22 * docs.length;
    const svg = svgEl('svg', { viewBox: '0 0 760 ' + h, role: 'img', 'aria-label': count(dated.length, 'dated document') + ' from ' + when(dated[0]) + ' to ' + when(dated[dated.length - 1]) });
    svg.append(svgEl('line', { class: 'axis', x1: 10, x2: 330, y1: 14, y2: 14 }));
    svg.append(svgEl('text', { x: 10, y: 10 }, when(dated[0]).replace('T', ' ').slice(0, 16)));
    svg.append(svgEl('text', { x: 330, y: 10, 'text-anchor': 'end' }, when(dated[dated.length - 1]).replace('T', ' ').slice(0, 16)));
    docs.forEach((x, i) => {
      const y = 36 + 22 * i;
      const ok = when(x) && !Number.isNaN(time(x));
      if (ok) {
        const cx = 10 + (t1 > t0 ? (time(x) - t0) / (t1 - t0) : 0.5) * 320;
        svg.append(svgEl('line', { class: 'axis', x1: cx, x2: cx, y1: 14, y2: y, 'stroke-dasharray': '2 3' }));
        svg.append(svgEl('circle', { cx, cy: y - 4, r: 5 }));
      }
      svg.append(svgEl('text', { x: 345, y }, (ok ? when(x).replace('T', ' ').slice(0, 16) : 'undated') + ' · ' + label(x.id)));
    });
    return section('Timeline', el('div', { class: 'timeline' }, svg));
  }

  function quotes(d, ref) {
    const kids = [];
    if (d.derived && d.quotes.length) kids.push(el('p', { class: 'meta' }, 'Each document\'s own quotes: this stories.jsonl has no cross-source comparison.'));
    for (const sp of d.quotes) {
      kids.push(el('h4', null, sp.speaker || 'Unattributed'));
      kids.push(el('ul', null, sp.quotes.map((q) => el('li', null,
        el('blockquote', null, q.text),
        q.variants.length === 1 && q.variants[0].text === q.text
          ? el('p', { class: 'variants' }, '— ', variant(q.variants[0], ref, false))
          : el('ul', { class: 'variants' }, q.variants.map((v) => el('li', null, variant(v, ref, true))))))));
    }
    if (d.conflicts.length) {
      kids.push(el('h4', null, 'Conflicting attributions'));
      kids.push(el('ul', null, d.conflicts.map((c) => el('li', null, el('blockquote', null, c.text),
        el('ul', null, c.attributions.map((a) => el('li', null, (a.speaker || 'unattributed') + ', according to ', a.docs.map((doc, i) => [i ? ', ' : '', ref(doc, null)]))))))));
    }
    if (!kids.length) kids.push(el('p', { class: 'meta' }, 'No quotes found.'));
    return section('Quotes by speaker', kids);
  }

  function variant(v, ref, wording) {
    const sure = typeof v.confidence === 'number' ? el('span', { class: 'meta' }, ' (confidence ' + v.confidence + ')') : null;
    return [ref(v.doc, v.span), wording ? ': ' + v.text : null, sure];
  }

  function fmtValue(v) {
    const one = (n) => typeof n === 'number' ? n.toLocaleString('en-US') : String(n);
    return Array.isArray(v) ? one(v[0]) + '–' + one(v[1]) : v === null || v === undefined ? '' : one(v);
  }

  function numbers(d, ref) {
    if (!d.numbers.length) return section('Numbers', el('p', { class: 'meta' }, 'No numbers found.'));
    const head = el('thead', null, el('tr', null, ['Quantity', 'Value', 'Qualifier', 'Document', 'As written', 'Status'].map((t) => el('th', { scope: 'col' }, t))));
    const bodies = d.numbers.map((q) => {
      const bad = q.disagree && !q.compatible;
      const status = d.derived ? 'not compared' : q.disagree ? (q.compatible ? 'differ, but compatible' : 'disagree') : 'agree';
      const n = q.values.length;
      return el('tbody', { class: bad ? 'disagree' : null }, q.values.map((v, i) => el('tr', null,
        i === 0 ? el('th', { scope: 'rowgroup', rowspan: n }, q.quantity || q.unit || '—') : null,
        el('td', null, fmtValue(v.value) + (q.unit ? ' ' + q.unit : '')),
        el('td', null, v.qualifier || ''),
        el('td', null, ref(v.doc, v.span)),
        el('td', null, v.text),
        i === 0 ? el('td', { rowspan: n, class: bad ? 'status-disagree' : null }, status) : null)));
    });
    const caption = el('caption', { class: 'meta' }, d.derived ? 'Each document\'s own numbers by unit: this stories.jsonl has no cross-source comparison.' : 'Rows marked "disagree" state values that differ beyond rounding.');
    return section('Numbers', el('table', null, caption, head, bodies));
  }

  function claims(d, ref, label) {
    const agreed = d.agreed.length
      ? el('ul', null, d.agreed.map((c) => el('li', null, c.claim, el('span', { class: 'meta' }, ' — ' + count(c.groups.length, 'group') + ': '),
        c.docs.map((doc, i) => [i ? ', ' : '', ref(doc, (c.spans || {})[doc])]))))
      : el('p', { class: 'meta' }, d.derived ? 'Not compared in this stories.jsonl.' : 'No claim is reported by two independent groups.');
    const unique = d.docs.filter((x) => (d.unique[x.id] || []).length).map((x) => [
      el('h4', null, label(x.id)),
      el('ul', null, d.unique[x.id].map((p) => el('li', null, p.text, ' ', p.span ? ref(x.id, p.span, 'show') : null))),
    ]);
    return section('Claims',
      el('div', { class: 'claims' },
        el('div', null, el('h4', null, 'Agreed by independent sources'), agreed),
        el('div', null, el('h4', null, 'Reported by one document only'), unique.length ? unique : el('p', { class: 'meta' }, d.derived ? 'Not compared in this stories.jsonl.' : 'None.'))));
  }

