// The HTML report's script, inlined into the page: filters the findings by rule, severity, agreement and text,
// and keeps the filter in the URL's fragment (#filter?rule=…&severity=…) so a filtered view can be linked to.
// Plain ES2017 with no template literals, so it can live in this string as written.
export const SCRIPT = `
(function () {
  'use strict';
  var PREFIX = '#filter?';
  var form = document.getElementById('filters');
  if (!form) return;
  var controls = {
    rule: form.elements.namedItem('rule'),
    severity: form.elements.namedItem('severity'),
    agreement: form.elements.namedItem('agreement'),
    q: form.elements.namedItem('q')
  };
  var status = document.getElementById('filter-status');
  var empty = document.getElementById('no-match');
  var heading = document.getElementById('findings-heading');
  var groups = Array.prototype.slice.call(document.querySelectorAll('tbody.finding-group'));
  var total = document.querySelectorAll('tr.finding').length;

  function plural(n, word) { return n + ' ' + word + (n === 1 ? '' : 's'); }

  function hasOption(select, value) {
    for (var i = 0; i < select.options.length; i++) if (select.options[i].value === value) return true;
    return false;
  }

  function apply(writeFragment) {
    var rule = controls.rule.value;
    var severity = controls.severity.value;
    var agreement = controls.agreement.value;
    var q = controls.q.value.trim().toLowerCase();
    var shown = 0;
    groups.forEach(function (group) {
      var inGroup = 0;
      Array.prototype.forEach.call(group.querySelectorAll('tr.finding'), function (row) {
        var match = (!rule || row.getAttribute('data-rule') === rule) &&
          (!severity || row.getAttribute('data-severity') === severity) &&
          (!agreement || row.getAttribute('data-agreement') === agreement) &&
          (!q || row.textContent.toLowerCase().indexOf(q) !== -1);
        row.hidden = !match;
        if (match) inGroup++;
      });
      group.hidden = inGroup === 0;
      shown += inGroup;
    });
    var filtered = Boolean(rule || severity || agreement || q);
    status.textContent = filtered ? 'Showing ' + shown + ' of ' + plural(total, 'finding') : 'Showing all ' + plural(total, 'finding');
    empty.hidden = shown > 0;
    if (writeFragment) {
      var params = new URLSearchParams();
      if (rule) params.set('rule', rule);
      if (severity) params.set('severity', severity);
      if (agreement) params.set('agreement', agreement);
      if (q) params.set('q', controls.q.value.trim());
      var query = params.toString();
      try {
        history.replaceState(null, '', query ? PREFIX + query : location.pathname + location.search);
      } catch (error) {
        // Some browsers refuse history changes on file:// pages; the filter still works.
      }
    }
  }

  function fromFragment() {
    if (location.hash.indexOf(PREFIX) !== 0) return false;
    var params = new URLSearchParams(location.hash.slice(PREFIX.length));
    ['rule', 'severity', 'agreement'].forEach(function (name) {
      var value = params.get(name) || '';
      controls[name].value = hasOption(controls[name], value) ? value : '';
    });
    controls.q.value = params.get('q') || '';
    apply(false);
    return true;
  }

  form.hidden = false;
  form.addEventListener('input', function () { apply(true); });
  form.addEventListener('change', function () { apply(true); });
  form.addEventListener('submit', function (event) { event.preventDefault(); apply(true); });
  document.getElementById('filter-reset').addEventListener('click', function () {
    controls.rule.value = '';
    controls.severity.value = '';
    controls.agreement.value = '';
    controls.q.value = '';
    apply(true);
    controls.rule.focus();
  });
  window.addEventListener('hashchange', function () {
    if (!fromFragment()) return;
    heading.scrollIntoView();
    heading.focus();
  });
  if (fromFragment()) heading.scrollIntoView();
  else apply(false);
})();
`
