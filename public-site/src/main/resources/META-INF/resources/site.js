// The public site's only script: live figures on the national page (server-sent events) and
// sortable tables. Every figure is on the page without it.
(function () {
  'use strict';

  function live(section) {
    if (!window.EventSource) { return; }
    var source = new EventSource(section.getAttribute('data-live'));
    source.onmessage = function (event) {
      var f = JSON.parse(event.data);
      section.querySelectorAll('[data-field]').forEach(function (el) {
        var name = el.getAttribute('data-field');
        if (name === 'status') {
          el.setAttribute('data-code', f.status);
          el.textContent = section.getAttribute('data-status-' + f.status) || f.status;
        } else if (f[name] !== undefined) {
          el.textContent = f[name];
        }
      });
      f.candidates.forEach(function (c) {
        var row = section.querySelector('tr[data-candidate="' + c.code + '"]');
        if (row) {
          row.querySelector('.votes').textContent = c.votes;
          row.querySelector('.share').textContent = c.share;
        }
      });
      document.body.setAttribute('data-live-sequence', f.ledgerSequence);
    };
  }

  function sortable(table) {
    var buttons = table.querySelectorAll('thead button[data-sort]');
    buttons.forEach(function (button, column) {
      button.addEventListener('click', function () {
        var th = button.parentNode;
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        table.querySelectorAll('thead th').forEach(function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = button.getAttribute('data-sort') === 'number';
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = key(a.cells[column], numeric);
          var y = key(b.cells[column], numeric);
          var order = numeric ? x - y : String(x).localeCompare(String(y));
          return ascending ? order : -order;
        });
        rows.forEach(function (row) { body.appendChild(row); });
      });
    });
  }

  function key(cell, numeric) {
    var text = cell.getAttribute('data-value') || cell.textContent.trim();
    if (!numeric) { return text; }
    var n = parseFloat(text.replace(/[\s\u202f]/g, ''));
    return isNaN(n) ? -1 : n;
  }

  document.addEventListener('DOMContentLoaded', function () {
    var section = document.querySelector('[data-live]');
    if (section) { live(section); }
    document.querySelectorAll('table.sortable').forEach(sortable);
  });
})();
