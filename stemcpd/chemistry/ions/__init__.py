"""A virtual test lab for identifying ions (AQA GCSE Chemistry 4.8.3 required practical).

Public model API (no plotting or widget libraries are imported here):
:func:`test_result`, :func:`salt_result`, :func:`identify`, :func:`interpret`,
:func:`unknown_sample`, :func:`virtual_practical`, :func:`run_test`, :func:`describe`,
:func:`to_table`, :func:`results_grid`, :class:`Observation`, :class:`IonsParams`,
:class:`IonTest`, :class:`UnknownSample`, :class:`ResultsTable`. The results themselves
are data in :mod:`stemcpd.chemistry.ions.data`. The view lives in
:mod:`stemcpd.chemistry.ions.view` and the app in :mod:`stemcpd.chemistry.ions.app`.
"""

from .model import (
    ANIONS,
    CATIONS,
    COLOUR_NAMES,
    ION_FORMULAS,
    ION_IDS,
    ION_KINDS,
    ION_NAMES,
    TEST_IDS,
    TEST_NAMES,
    UNKNOWN_SALTS,
    IonsParams,
    IonTest,
    Observation,
    ResultsTable,
    UnknownSample,
    describe,
    identify,
    interpret,
    observer_words,
    results_grid,
    run_test,
    salt_result,
    short_text,
    test_result,
    to_table,
    unknown_sample,
    virtual_practical,
)

__all__ = [
    "ANIONS", "CATIONS", "COLOUR_NAMES", "ION_FORMULAS", "ION_IDS", "ION_KINDS", "ION_NAMES",
    "TEST_IDS", "TEST_NAMES", "UNKNOWN_SALTS", "IonsParams", "IonTest", "Observation",
    "ResultsTable", "UnknownSample", "describe", "identify", "interpret", "observer_words",
    "results_grid", "run_test", "salt_result", "short_text", "test_result", "to_table", "unknown_sample",
    "virtual_practical",
]
