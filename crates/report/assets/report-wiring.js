  // ---- wiring ----
  document.getElementById('search').addEventListener('input', (e) => search(e.target.value));
  document.getElementById('prev').addEventListener('click', () => { page--; renderList(); });
  document.getElementById('next').addEventListener('click', () => { page++; renderList(); });
  window.addEventListener('hashchange', () => openFromHash(true));
  window.addEventListener('load', () => {
    setTimeout(() => {
      const t = performance.timing;
      document.body.setAttribute('data-load-ms', String(t.loadEventEnd - t.navigationStart));
    }, 0);
  });
  renderList();
  document.addEventListener('DOMContentLoaded', () => openFromHash(false));
})();
