"""Views only draw: whatever a view plots that is physics (a model curve, a fit, a
virtual practical's data) comes from the model's result, never from a model function
the view calls itself. This test reads every simulation's view.py and fails on:

* importing a function from a simulation's model package or from stemcpd.practical
  (classes, constants and text formatting — names starting ``format_`` and
  ``with_uncertainty`` — are allowed: they describe or label, they compute nothing);
* evaluating an exponential (decay laws, damping envelopes, Boltzmann factors are the
  model's business).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import stemcpd

PACKAGE = Path(stemcpd.__file__).parent
VIEWS = sorted(PACKAGE.glob("*/*/view.py"))
FORMATTING = ("format_", "with_uncertainty")
WORDS = ("_words", "_text")  # a model's own way of writing a value in words ("2,8,1", "4.5 billion years")


def _is_model_module(module: str) -> bool:
    parts = module.split(".")
    return module == "stemcpd.practical" or (
        len(parts) >= 3 and parts[0] == "stemcpd" and parts[1] in ("physics", "chemistry"))


def test_every_simulation_has_a_view_to_check():
    assert len(VIEWS) >= 24


@pytest.mark.parametrize("path", VIEWS, ids=lambda path: f"{path.parent.parent.name}/{path.parent.name}")
def test_view_imports_no_model_function_and_evaluates_no_model(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    problems = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and _is_model_module(node.module):
            for alias in node.names:
                name = alias.name
                if name[:1].isupper() or name.startswith(FORMATTING) or name.endswith(WORDS) or name in ("data", "pretty"):
                    continue  # a class, a CONSTANT, text formatting (formulae, words), or a data module
                problems.append(f"line {node.lineno}: imports {node.module}.{name}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("exp", "expm1"):
            problems.append(f"line {node.lineno}: evaluates an exponential (a model curve belongs in the model)")
    assert not problems, f"{path.relative_to(PACKAGE)} computes physics:\n" + "\n".join(problems)
