// samestory serve's UI: the story list (search, dates, pages), a story (the report's own
// story view), a document, and a box to place an article and add it. Pages are hash routes
// (#/, #/story/ID, #/doc/ID, #/add) over the JSON API. The DOM is built with textContent
// only: nothing from the index or the user is parsed as HTML.
'use strict';
(function () {
  const CARDS = 24; // sources drawn at once (the shared story view reads it)
  let uid = 0; // heading ids (the shared story view reads it)
