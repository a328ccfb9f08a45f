"""Every simulation stemcpd ships, found by looking, not by a hand-kept list.

A simulation is a folder ``stemcpd/physics/<name>/`` or ``stemcpd/chemistry/<name>/``
whose ``app.py`` defines ``APP``, a :class:`~stemcpd.ui.app.SimulationApp` subclass
with a one-line ``summary``. Adding the folder is enough for the classroom app list,
the benchmarks and the generic app tests to pick it up.
"""

from __future__ import annotations

from dataclasses import dataclass
import importlib
import importlib.util
import pkgutil

SUBJECT_PACKAGES = ("stemcpd.physics", "stemcpd.chemistry")


@dataclass(frozen=True)
class Simulation:
    """One simulation: where its app lives and what it is about.

    Attributes:
        name: the folder name, e.g. ``"pendulum"``.
        subject: ``"physics"`` or ``"chemistry"``.
        app_module: dotted path of its ``app.py``.
    """

    name: str
    subject: str
    app_module: str

    def load_app_class(self):
        """Import the app module and return its ``APP`` class (imports ipywidgets)."""
        module = importlib.import_module(self.app_module)
        try:
            return module.APP
        except AttributeError:
            raise LookupError(f"{self.app_module} defines no APP (its SimulationApp subclass)") from None

    @property
    def summary(self) -> str:
        """The app's one-line description."""
        return self.load_app_class().summary


def available() -> dict[str, Simulation]:
    """All simulations with an ``app.py``, by name, physics first then chemistry."""
    found: dict[str, Simulation] = {}
    for package_name in SUBJECT_PACKAGES:
        package = importlib.import_module(package_name)
        subject = package_name.rsplit(".", 1)[1]
        for info in sorted(pkgutil.iter_modules(package.__path__), key=lambda i: i.name):
            if not info.ispkg:
                continue
            app_module = f"{package_name}.{info.name}.app"
            if importlib.util.find_spec(app_module) is not None:
                found[info.name] = Simulation(info.name, subject, app_module)
    return found


def get(name: str) -> Simulation:
    """The simulation called ``name``; a clear error lists the ones there are."""
    simulations = available()
    try:
        return simulations[name]
    except KeyError:
        raise ValueError(f"no simulation called {name!r}; choose from {', '.join(simulations)}") from None
