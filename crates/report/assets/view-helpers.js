  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v;
      else if (k === 'onclick') e.addEventListener('click', v);
      else e.setAttribute(k, v);
    }
    for (const kid of kids.flat(Infinity)) if (kid !== null && kid !== undefined && kid !== false) e.append(kid);
    return e;
  }
  const count = (n, one, many) => n + ' ' + (n === 1 ? one : many || one + 's');
  function dates(a, b) {
    if (!a && !b) return 'undated';
    return a && b && a !== b ? a + ' – ' + b : a || b;
  }
  function section(title, ...kids) {
    const id = 'h-' + ++uid;
    return el('section', { 'aria-labelledby': id }, el('h3', { id }, title), ...kids);
  }

