"""What a trainer needs to run a module as a workshop, built from the module itself.

* :mod:`~stemcpd.deck.route`: the session route (activity, minutes, what the trainer
  does) matched to the workbook's spine headings; the trainer's notes and the session
  plan both come from it.
* :mod:`~stemcpd.deck.split`: a workbook's sections cut into pieces that fit a
  1280×720 slide.
* :mod:`~stemcpd.deck.hinge`: one hinge-question slide per diagnostic question in
  the module's bank, the answer and the misconceptions revealed on the next key press.
* :mod:`~stemcpd.deck.players`: the course site's kernel-free simulation player,
  embedded in the slides.
* :mod:`~stemcpd.deck.pack`: ``stemcpd slides MODULE --pack DIR``, everything for
  the session in one folder that works offline.

:mod:`stemcpd.slides` puts the pieces together into a reveal.js deck.
"""
