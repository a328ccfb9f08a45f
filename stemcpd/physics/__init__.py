"""Physics simulations, one folder each: ``model.py`` (pure numpy), ``view.py``
(matplotlib artists) and ``app.py`` (ipywidgets controls wired to both).

Available simulations: :mod:`stemcpd.physics.pendulum`.
"""
