"""stemcpd: continuing professional development for UK science teachers.

The package holds the tested parts of the course: simulations
(:mod:`stemcpd.physics`, :mod:`stemcpd.chemistry`), the formative-recall quiz
engine (:mod:`stemcpd.quiz`), the teacher's CPD record (:mod:`stemcpd.cpd`) and a
small shared UI layer (:mod:`stemcpd.ui`). Importing the package imports none of
them, so ``import stemcpd`` stays cheap.
"""

__version__ = "0.1.0"
