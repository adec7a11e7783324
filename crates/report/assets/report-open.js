// samestory report: the story list (search, pages) and, when a story is opened (#story=ID),
// its details decoded from the page's base64 + raw DEFLATE text (one HTML comment) by
// DecompressionStream.
// The DOM is built with textContent only: nothing from the input is parsed as HTML.
'use strict';
(function () {
  const PAGE = 50;
  const CARDS = 24; // sources drawn at once; a button draws the rest
  // [id, title, first_date, last_date, documents, outlets, disagree, offset, length]
  const index = JSON.parse(document.getElementById('story-index').textContent);
  const byId = new Map(index.map((r, i) => [r[0], i]));
  const cache = new Map();
  let shown = index;
  let page = 0;
  let current = null;
  let blobs = null;
  let lowered = null;
  let uid = 0;

