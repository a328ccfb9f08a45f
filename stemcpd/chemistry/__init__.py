"""Chemistry simulations, shaped like the physics ones: one folder each with
``model.py`` (pure numpy), ``view.py`` (matplotlib artists) and ``app.py`` (a
:class:`~stemcpd.ui.app.SimulationApp`)."""
