
  // ---- the UI's own pages (the shared helpers and story view are above) ----
  const main = document.getElementById('main');
  let health = { read_only: true };
  let listState = { q: '', from: '', to: '' };

  async function api(path, options) {
    const res = await fetch(path, options);
    let body = null;
    try { body = await res.json(); } catch (e) { body = null; }
    if (!res.ok) {
      const detail = body && body.detail ? body.detail : res.status + ' ' + res.statusText;
      const err = new Error(detail);
      err.status = res.status;
      throw err;
    }
    return body;
  }
  const enc = encodeURIComponent;
  const storyLink = (id, text) => el('a', { href: '#/story/' + enc(id) }, text || id);
  const docLink = (id, text) => el('a', { href: '#/doc/' + enc(id) }, text || id);
  function show(...kids) {
    main.replaceChildren(...kids);
  }
  function failure(e) {
    return el('p', { class: 'error', role: 'alert' }, e.message || String(e));
  }
  async function refreshTotals() {
    try {
      health = await api('/api/health');
      document.getElementById('totals').textContent =
        count(health.stories, 'story', 'stories') + ' · ' + count(health.documents, 'document') + (health.read_only ? ' · read-only' : '');
    } catch (e) { /* the page still works */ }
  }

  // ---- the story list ----
  function storyItem(s) {
    const meta = el('span', { class: 'meta' },
      dates(s.first_date, s.last_date) + ' · ' + count(s.documents, 'document') + ' · ' + count(s.outlets, 'outlet'));
    return el('li', { 'data-story': s.id }, storyLink(s.id, s.title), meta,
      s.numbers_disagree ? el('span', { class: 'badge' }, 'numbers disagree') : null);
  }
  function listQuery(cursor) {
    const p = new URLSearchParams();
    for (const k of ['q', 'from', 'to']) if (listState[k]) p.set(k, listState[k]);
    p.set('limit', '50');
    if (cursor) p.set('cursor', cursor);
    return '/api/stories?' + p.toString();
  }
  async function renderList() {
    const field = (id, label, type, value) => [
      el('label', { for: id }, label),
      el('input', { id, name: id, type, value: value || '', autocomplete: 'off', spellcheck: type === 'search' ? 'false' : null }),
    ];
    const form = el('form', { class: 'search', role: 'search', 'aria-label': 'Stories' },
      el('div', null, field('q', 'Search titles and bodies', 'search', listState.q)),
      el('div', null, field('from', 'From', 'date', listState.from)),
      el('div', null, field('to', 'To', 'date', listState.to)),
      el('div', null, el('button', { type: 'submit' }, 'Search')));
    const status = el('p', { id: 'list-status', class: 'meta', 'aria-live': 'polite' }, 'Loading…');
    const list = el('ol', { id: 'stories', class: 'stories' });
    const more = el('div', { class: 'pager' });
    form.addEventListener('submit', (e) => {
      e.preventDefault();
      listState = { q: form.q.value.trim(), from: form.from.value, to: form.to.value };
      renderList();
    });
    show(el('h2', null, 'Stories ', el('span', { class: 'meta' }, 'newest first')), form, status, list, more);
    const load = async (cursor) => {
      try {
        const page = await api(listQuery(cursor));
        list.append(...page.stories.map(storyItem));
        status.textContent = count(page.total, 'story', 'stories') + (listState.q ? ' match' : '');
        more.replaceChildren(page.next_cursor
          ? el('button', { type: 'button', id: 'more', onclick: () => load(page.next_cursor) }, 'More stories')
          : '');
      } catch (e) {
        status.replaceWith(failure(e));
      }
    };
    await load(null);
  }

  // ---- a story ----
  async function renderStoryPage(id) {
    show(el('p', { class: 'meta' }, 'Loading story…'));
    let answer;
    try {
      answer = await api('/api/stories/' + enc(id));
    } catch (e) {
      return show(el('h2', null, 'Story ' + id), failure(e), el('p', null, el('a', { href: '#/' }, 'All stories')));
    }
    if (answer.status === 'moved') {
      history.replaceState(null, '', '#/story/' + enc(answer.story));
      await renderStoryPage(answer.story);
      const note = el('p', { class: 'notice', role: 'status' }, 'Story ' + answer.from + ' has moved: its documents are now in this story.');
      main.prepend(note);
      return;
    }
    const holder = el('div', { id: 'story' });
    const docs = el('nav', { 'aria-label': 'Documents of this story', class: 'doc-links' },
      el('span', { class: 'meta' }, 'Documents: '),
      answer.view.docs.map((d, i) => [i ? ', ' : '', docLink(d.id, d.outlet || d.title || d.id)]));
    show(el('p', null, el('a', { href: '#/' }, '← All stories')), holder, docs);
    renderStory(holder, answer.row, answer.view);
  }

  // ---- a document ----
  function utf16(body) {
    // char (code point) offset → UTF-16 offset
    const out = [0];
    let u = 0;
    for (const ch of body) { u += ch.length; out.push(u); }
    return (n) => out[Math.max(0, Math.min(out.length - 1, n))];
  }
  function relationItem(r, id) {
    const other = r.a === id ? r.b : r.a;
    const scores = ['jaccard', 'containment_a', 'containment_b', 'story_score']
      .filter((k) => typeof r[k] === 'number').map((k) => k.replace('_', ' ') + ' ' + r[k]).join(' · ');
    const passages = Array.isArray(r.passages) && r.passages.length ? count(r.passages.length, 'shared passage') : null;
    const original = r.original ? (r.original === id ? 'this document is the original' : 'original: ' + r.original) : null;
    return el('li', null, el('strong', null, String(r.kind || 'related').replace('_', ' ')), ' with ', docLink(other),
      el('span', { class: 'meta' }, ' ' + [scores, passages, original].filter(Boolean).join(' · ')),
      r.why ? el('p', { class: 'why' }, String(r.why)) : null);
  }
  async function renderDocument(id) {
    show(el('p', { class: 'meta' }, 'Loading document…'));
    let answer;
    try {
      answer = await api('/api/documents/' + enc(id));
    } catch (e) {
      return show(el('h2', null, 'Document ' + id), failure(e));
    }
    const d = answer.document;
    const meta = [['Id', d.id], ['Outlet', d.outlet], ['Date', d.published || d.date], ['Byline', d.byline],
      ['Credit', d.credit], ['Language', d.lang], ['URL', d.url], ['Duplicate group', d.group], ['Revision', String(answer.revision)]]
      .filter((p) => p[1]);
    const dl = el('dl', { class: 'meta-list' }, meta.map(([k, v]) => [el('dt', null, k),
      el('dd', null, k === 'URL' && /^https?:\/\//i.test(v) ? el('a', { href: v, rel: 'noopener noreferrer' }, v) : v)]));
    const at = utf16(d.body || '');
    const marks = [];
    for (const r of answer.relations) {
      if (r.kind !== 'reprint' || !Array.isArray(r.passages)) continue;
      const side = r.a === d.id ? 0 : 2;
      for (const p of r.passages) marks.push({ s: at(p[side]), e: at(p[side + 1]), with: r.a === d.id ? r.b : r.a, original: r.original === d.id });
    }
    const body = renderBody({ id: d.id, title: d.title, body: d.body, marks }, (x) => x, null);
    const removed = (d.removed || []).length
      ? el('ul', null, d.removed.map((r) => el('li', null, el('code', null, String(r.text || '')), r.reason ? el('span', { class: 'meta' }, ' — ' + r.reason) : null)))
      : el('p', { class: 'meta' }, 'Nothing was removed.');
    const quotes = (d.quotes || []).length
      ? el('ul', null, d.quotes.map((q) => el('li', null, el('blockquote', null, q.text), el('span', { class: 'meta' }, '— ' + (q.speaker || 'unattributed')))))
      : el('p', { class: 'meta' }, 'No quotes found.');
    const numbers = (d.numbers || []).length
      ? el('table', null, el('thead', null, el('tr', null, ['Value', 'Unit', 'Qualifier', 'As written'].map((t) => el('th', { scope: 'col' }, t)))),
        el('tbody', null, d.numbers.map((n) => el('tr', null, el('td', null, fmtValue(n.value)), el('td', null, n.unit || ''), el('td', null, n.qualifier || ''), el('td', null, n.text)))))
      : el('p', { class: 'meta' }, 'No numbers found.');
    const relations = answer.relations.length
      ? el('ul', { class: 'relations' }, answer.relations.map((r) => relationItem(r, d.id)))
      : el('p', { class: 'meta' }, 'No relations.');
    show(el('p', null, d.story ? storyLink(d.story, '← Its story') : el('a', { href: '#/' }, '← All stories')),
      el('h2', null, d.title || d.id), dl,
      section('Clean body', body),
      section('Relations and their evidence', relations),
      section('Quotes', quotes),
      section('Numbers', numbers),
      section('Removed boilerplate', removed));
  }

  // ---- placing an article ----
  function renderAdd() {
    const field = (id, label, attrs) => el('div', { class: 'field' }, el('label', { for: id }, label), el('input', Object.assign({ id, name: id }, attrs || {})));
    const text = el('textarea', { id: 'paste', name: 'paste', rows: '14', required: 'required', 'aria-describedby': 'paste-help' });
    const form = el('form', { class: 'paste', 'aria-labelledby': 'paste-h' },
      el('h2', { id: 'paste-h' }, 'Where would this article belong?'),
      el('label', { for: 'paste' }, 'Article text or HTML'),
      el('p', { id: 'paste-help', class: 'meta' }, 'Paste the article itself. Nothing is added until you choose to add it.'),
      text,
      el('div', { class: 'fields' },
        field('title', 'Title (optional)', { type: 'text' }),
        field('date', 'Date (optional)', { type: 'date' }),
        field('outlet', 'Outlet (optional)', { type: 'text' }),
        field('id', 'Id (optional)', { type: 'text' })),
      el('button', { type: 'submit', id: 'place' }, 'Show where it belongs'));
    const result = el('section', { id: 'placement', 'aria-live': 'polite', 'aria-label': 'Placement' });
    const article = () => {
      const a = {};
      const t = text.value;
      if (/^\s*</.test(t)) a.html = t; else a.text = t;
      for (const k of ['title', 'date', 'outlet', 'id']) if (form[k].value.trim()) a[k] = form[k].value.trim();
      return a;
    };
    const post = (path) => api(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(article()) });
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      result.replaceChildren(el('p', { class: 'meta' }, 'Placing…'));
      try {
        const p = await post('/api/query');
        result.replaceChildren(...placement(p, async () => {
          try {
            const added = await post('/api/documents');
            await refreshTotals();
            result.append(el('p', { class: 'notice', role: 'status', id: 'added' }, 'Added as ' + added.id + ' (' + added.result + '), in story ',
              added.story ? storyLink(added.story) : 'none', '.'));
          } catch (err) { result.append(failure(err)); }
        }));
      } catch (err) {
        result.replaceChildren(failure(err));
      }
    });
    show(form, result);
  }
  function placement(p, add) {
    const out = [el('h3', null, 'It would belong here')];
    out.push(el('p', { id: 'placement-story' }, p.story.joins
      ? ['Story: joins ', storyLink(p.story.joins, p.story.title || p.story.joins), ' (' + count(p.story.documents.length, 'document') + ' with it).']
      : 'Story: it would start a new one.'));
    out.push(el('p', { id: 'placement-group' }, p.duplicates.length
      ? ['Duplicate group ' + p.group + ': it duplicates ', p.duplicates.map((d, i) => [i ? ', ' : '', docLink(d)]), '.']
      : 'Duplicates: none.'));
    const relations = (p.relations || []).map((r) => relationItem(r, p.id));
    out.push(relations.length ? el('ul', { class: 'relations', id: 'placement-relations' }, relations) : el('p', { class: 'meta' }, 'No relation to a stored document.'));
    out.push(health.read_only
      ? el('p', { class: 'meta' }, 'The server is read-only: articles cannot be added.')
      : el('button', { type: 'button', id: 'add', onclick: (e) => { e.target.disabled = true; add(); } }, 'Add it to the index'));
    return out;
  }

  // ---- routing ----
  async function route() {
    const h = location.hash || '#/';
    let id = null;
    const part = (prefix) => {
      if (!h.startsWith(prefix)) return false;
      try { id = decodeURIComponent(h.slice(prefix.length)); } catch (e) { id = h.slice(prefix.length); }
      return true;
    };
    if (part('#/story/')) await renderStoryPage(id);
    else if (part('#/doc/')) await renderDocument(id);
    else if (h === '#/add') renderAdd();
    else await renderList();
    main.focus();
    document.body.setAttribute('data-ready', h);
  }
  window.addEventListener('hashchange', route);
  // The skip link moves focus without changing the route.
  document.querySelector('.skip').addEventListener('click', (e) => { e.preventDefault(); main.focus(); });
  refreshTotals();
  route();
})();
