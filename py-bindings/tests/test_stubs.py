"""The installed type stubs (.pyi) describe the installed modules: every
public name, every public class member, and the parameter names of every
native function and method."""

import ast
import inspect
from pathlib import Path

import pytest

import ptsp
import ptsp._ptsp
import ptsp.form
import ptsp.helpdesk
import ptsp.routing
import ptsp.sla

HERE = Path(ptsp.__file__).resolve().parent
MODULES = [
    (ptsp._ptsp, "_ptsp.pyi"),
    (ptsp.sla, "sla.pyi"),
    (ptsp.form, "form.pyi"),
    (ptsp.routing, "routing.pyi"),
    (ptsp.helpdesk, "helpdesk.pyi"),
    (ptsp.evaluation, "evaluation.pyi"),
    (ptsp.publish, "publish.pyi"),
]


def stub_of(name):
    tree = ast.parse((HERE / name).read_text(encoding="utf-8"))
    top = {}
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            top[node.name] = node
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            top[node.target.id] = node
        elif isinstance(node, ast.ImportFrom):
            for alias in node.names:
                top[alias.asname or alias.name] = node
    return top


def params(fn):
    """Parameter names of a stub function, without self."""
    a = fn.args
    names = [x.arg for x in a.posonlyargs + a.args + a.kwonlyargs]
    return [n for n in names if n != "self"]


@pytest.mark.parametrize("module, stub", MODULES, ids=[s for _, s in MODULES])
def test_every_public_name_is_in_the_stub(module, stub):
    top = stub_of(stub)
    names = getattr(module, "__all__", None) or [n for n in dir(module) if not n.startswith("_")]
    for name in names:
        assert name in top, f"{stub}: {name} missing"


@pytest.mark.parametrize("module, stub", MODULES, ids=[s for _, s in MODULES])
def test_signatures_match(module, stub):
    top = stub_of(stub)
    checked = 0
    for name, node in top.items():
        runtime = getattr(module, name, None)
        if isinstance(node, ast.FunctionDef) and callable(runtime):
            assert params(node) == list(inspect.signature(runtime).parameters), f"{stub}: {name}"
            checked += 1
        elif isinstance(node, ast.ClassDef) and isinstance(runtime, type):
            members = {n.name: n for n in node.body if isinstance(n, ast.FunctionDef)}
            public = [m for m in vars(runtime) if not m.startswith("_")]
            for m in public:
                assert m in members, f"{stub}: {name}.{m} missing"
            for m, fn in members.items():
                if m.startswith("_") or isinstance(vars(runtime).get(m), property):
                    continue
                attr = vars(runtime).get(m)
                if attr is None or not callable(getattr(runtime, m)):
                    continue
                try:
                    sig = inspect.signature(getattr(runtime, m))
                except (TypeError, ValueError):
                    continue
                want = [p for p in sig.parameters if p != "self"]
                assert params(fn) == want, f"{stub}: {name}.{m}"
                checked += 1
    assert checked > 0
