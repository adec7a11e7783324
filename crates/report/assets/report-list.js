  // ---- the story list ----
  function storyItem(r) {
    const link = el('a', { href: '#story=' + encodeURIComponent(r[0]), 'aria-current': r[0] === current ? 'page' : null }, r[1]);
    const meta = el('span', { class: 'meta' }, dates(r[2], r[3]) + ' · ' + count(r[4], 'document') + ' · ' + count(r[5], 'outlet'));
    return el('li', null, link, meta, r[6] ? el('span', { class: 'badge' }, 'numbers disagree') : null);
  }
  function renderList() {
    const pages = Math.max(1, Math.ceil(shown.length / PAGE));
    page = Math.max(0, Math.min(page, pages - 1));
    document.getElementById('stories').replaceChildren(...shown.slice(page * PAGE, page * PAGE + PAGE).map(storyItem));
    document.getElementById('page-info').textContent = 'Page ' + (page + 1) + ' of ' + pages;
    document.getElementById('prev').disabled = page === 0;
    document.getElementById('next').disabled = page >= pages - 1;
    document.getElementById('list-status').textContent = count(shown.length, 'story', 'stories');
  }
  function search(q) {
    q = q.trim().toLowerCase();
    if (!lowered) lowered = index.map((r) => String(r[1]).toLowerCase());
    shown = q ? index.filter((r, i) => lowered[i].includes(q)) : index;
    page = 0;
    renderList();
  }

  // ---- a story's details ----
  async function details(r) {
    if (cache.has(r[0])) return cache.get(r[0]);
    if (blobs === null) blobs = document.getElementById('story-blobs').firstChild.data;
    const bin = atob(blobs.substr(r[7], r[8]));
    const bytes = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
    const d = JSON.parse(await new Response(stream).text());
    cache.set(r[0], d);
    return d;
  }

  async function openFromHash(focus) {
    const h = location.hash;
    if (!h.startsWith('#story=')) return;
    let id;
    try { id = decodeURIComponent(h.slice(7)); } catch (e) { return; }
    const at = byId.get(id);
    const main = document.getElementById('story');
    if (at === undefined) {
      main.replaceChildren(el('p', { class: 'error' }, 'No story with the id ' + id + '.'));
      return;
    }
    current = id;
    const pos = shown.indexOf(index[at]);
    if (pos >= 0) page = Math.floor(pos / PAGE);
    renderList();
    main.setAttribute('aria-busy', 'true');
    try {
      renderStory(main, index[at], await details(index[at]));
    } catch (e) {
      main.replaceChildren(el('p', { class: 'error' }, 'This story could not be decoded: ' + e));
    }
    main.removeAttribute('aria-busy');
    if (focus) main.focus();
  }

