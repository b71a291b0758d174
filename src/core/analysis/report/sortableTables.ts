// A report table a reader sorts by clicking a column's heading (issue 88: the run report's
// per-agent table, sortable). The page stays readable without script: the table is written in a
// useful order (the first quantity, most first) and says so. With script, each heading becomes a
// button; a click sorts by that column, descending first for numbers, and marks it aria-sort. The
// script is a fixed text allowed by its hash (reportPage.ts): the page's CSP admits nothing else.
import { cspHash } from '../../protocol/viewPage';

// Numbers sort by `data-v` (the value before formatting); a cell without one (—) goes last.
// Kept free of `]]>`: it sits in a CDATA section so the page stays well-formed XHTML.
const SCRIPT = `(function () {
  var tables = document.querySelectorAll('table.sortable');
  Array.prototype.forEach.call(tables, function (table) {
    var heads = table.tHead ? table.tHead.rows[0].cells : [];
    var body = table.tBodies[0];
    Array.prototype.forEach.call(heads, function (th, col) {
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var numeric = body.rows.length > 0 && body.rows[0].cells[col].hasAttribute('data-v');
        var now = th.getAttribute('aria-sort');
        var descending = now ? now === 'ascending' : numeric;
        var key = function (row) {
          var cell = row.cells[col];
          if (!numeric) return cell.textContent || '';
          var v = cell.getAttribute('data-v');
          return v === null || v === '' ? null : Number(v);
        };
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a), y = key(b);
          if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
          var order = numeric ? x - y : String(x).localeCompare(String(y));
          return descending ? -order : order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', descending ? 'descending' : 'ascending');
      });
    });
  });
})();`;

const TEXT = `//<![CDATA[\n${SCRIPT}\n//]]>`;

/** The `<script>` element a page with sortable tables ends with. */
export const SORT_SCRIPT = `<script>${TEXT}</script>`;

/** Its hash, for the page's script-src. */
export const SORT_SCRIPT_HASH = cspHash(TEXT);

/** The headings' look: a button that reads as the heading, with the sort shown beside it. */
export const SORT_STYLE = `th button.sort { all: inherit; cursor: pointer; padding: 0; border: 0; background: none; }
th[aria-sort="descending"] button.sort::after { content: " ▼"; }
th[aria-sort="ascending"] button.sort::after { content: " ▲"; }
`;
