"""Physics simulations, one folder each: ``model.py`` (pure numpy), ``view.py``
(matplotlib artists) and ``app.py`` (ipywidgets controls wired to both).

Available simulations:

- :mod:`stemcpd.physics.circuits` — wire resistance against length, a loaded potential
  divider, and the I–V curves of a resistor, lamp, diode, thermistor and LDR.
- :mod:`stemcpd.physics.decay` — random radioactive decay, GM counts with background,
  and a fitted half-life.
- :mod:`stemcpd.physics.density` — density from mass and volume; blocks that float or sink.
- :mod:`stemcpd.physics.electromagnetism` — a generator: a coil spinning in a magnetic
  field, its flux linkage and alternating emf.
- :mod:`stemcpd.physics.energy` — a block on a track: gravitational potential, kinetic
  and thermal stores, and efficiency.
- :mod:`stemcpd.physics.gas` — a hard-disc gas in a box: pressure, the gas laws and
  Maxwell–Boltzmann speeds.
- :mod:`stemcpd.physics.heating` — heating a block: specific heat capacity, heat loss
  and cooling curves.
- :mod:`stemcpd.physics.motion` — a trolley pulled by a hanging mass, timed by light
  gates: a = F / m.
- :mod:`stemcpd.physics.optics` — reflection, refraction (Snell's law) and total
  internal reflection at a boundary.
- :mod:`stemcpd.physics.pendulum` — a swinging pendulum: period at any angle, damping,
  gravity on other worlds.
- :mod:`stemcpd.physics.projectile` — projectile motion: range, height and time of
  flight, with or without air resistance.
- :mod:`stemcpd.physics.radiation` — the Leslie cube: infrared emission from different
  surfaces and cooling by radiation.
- :mod:`stemcpd.physics.springs` — Hooke's law, the elastic limit, springs in series
  and parallel, and a bouncing mass.
- :mod:`stemcpd.physics.waves` — travelling and standing waves on a string: v = fλ,
  v = √(T/μ) and harmonics.
"""
