"""Accessible names the stock ipywidgets leave out, added in the browser.

ipywidgets 8 draws sliders with noUiSlider handles that have no accessible name, Play
buttons that are icons only, and ``Image`` widgets without alt text. :func:`a11y_helper`
returns an HTML widget that, once rendered, names each slider handle after its label,
names the Play buttons, and keeps the figure's alt text equal to the app's live
description, updating them whenever the app redraws.

Widget HTML is inserted with ``innerHTML``, where ``<script>`` does not run; an image
that fails to load (``data:,``) runs the code from its ``onerror`` handler instead, in
JupyterLab, Voilà and the notebook alike, without fetching anything.
"""

from __future__ import annotations

_SCRIPT = r"""
(function (marker) {
  var app = marker.closest('.stemcpd-app');
  if (!app || app.dataset.stemcpdA11y) { return; }
  app.dataset.stemcpdA11y = '1';
  var playNames = {'fa-play': 'Play', 'fa-pause': 'Pause', 'fa-stop': 'Stop and go back to the start',
                   'fa-retweet': 'Repeat', 'fa-repeat': 'Repeat'};
  function label() {
    app.querySelectorAll('.stemcpd-control, .stemcpd-time').forEach(function (control) {
      var text = control.querySelector('.widget-label');
      text = text ? text.textContent.trim() : '';
      control.querySelectorAll('.noUi-handle, [role=slider]').forEach(function (handle) {
        if (text && handle.getAttribute('aria-label') !== text) { handle.setAttribute('aria-label', text); }
      });
    });
    app.querySelectorAll('.widget-play button').forEach(function (button) {
      if (button.getAttribute('aria-label')) { return; }
      var icon = button.querySelector('i');
      var name = '';
      Object.keys(playNames).forEach(function (cls) { if (icon && icon.classList.contains(cls)) { name = playNames[cls]; } });
      if (name) { button.setAttribute('aria-label', name); button.setAttribute('title', name); }
    });
    var figure = app.querySelector('img.stemcpd-figure');
    var live = app.querySelector('.stemcpd-description [role=status]');
    if (figure && live && figure.alt !== live.textContent) { figure.alt = live.textContent; }
  }
  label();
  new MutationObserver(label).observe(app, {subtree: true, childList: true, characterData: true,
                                            attributes: true, attributeFilter: ['src']});
})(this);
"""


def a11y_helper():
    """An (invisible) HTML widget that adds accessible names inside its ``.stemcpd-app``."""
    import html

    import ipywidgets as widgets

    code = html.escape(" ".join(line.strip() for line in _SCRIPT.strip().splitlines()), quote=True)
    helper = widgets.HTML(f'<img src="data:," alt="" style="display:none" onerror="{code}">')
    helper.add_class("stemcpd-a11y")
    helper.layout.display = "none"
    return helper
