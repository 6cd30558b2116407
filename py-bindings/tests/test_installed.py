"""The suite must exercise the installed wheel, not the source tree."""

from pathlib import Path

import ptsp
import ptsp._ptsp


def test_ptsp_is_imported_from_an_installed_wheel():
    source_tree = Path(__file__).resolve().parent.parent / "python"
    where = Path(ptsp.__file__).resolve()
    assert source_tree not in where.parents, f"ptsp imported from the source tree: {where}"
    assert "site-packages" in where.parts or "dist-packages" in where.parts, where
    # The compiled module sits beside the package: a source checkout has none.
    assert Path(ptsp._ptsp.__file__).resolve().parent == where.parent


def test_package_ships_stubs_and_marker():
    here = Path(ptsp.__file__).resolve().parent
    assert (here / "py.typed").exists()
    assert (here / "_ptsp.pyi").exists()


def test_public_names():
    for name in ptsp.__all__:
        assert hasattr(ptsp, name), name
    assert isinstance(ptsp.__version__, str) and ptsp.__version__
