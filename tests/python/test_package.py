"""The package: what it exports, its stubs, its markers."""
import ast
import inspect
import pathlib

import pytest

import electsec
from electsec import _core

PACKAGE = pathlib.Path(electsec.__file__).parent


def public(names):
    return {n for n in names if not n.startswith("_")} | ({"__version__"} & set(names))


def stub_tree():
    return ast.parse((PACKAGE / "_core.pyi").read_text(encoding="utf-8"))


# Names the package defines in Python, on top of the compiled module's.
PYTHON_NAMES = {"report"}


def test_all_reexports_every_public_core_name():
    assert set(electsec.__all__) == public(dir(_core)) | PYTHON_NAMES
    for name in set(electsec.__all__) - PYTHON_NAMES:
        assert getattr(electsec, name) is getattr(_core, name)
    for name in PYTHON_NAMES:
        assert getattr(electsec, name).__doc__


def test_stub_names_every_public_core_name():
    tree = stub_tree()
    names = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.AnnAssign):
            names.add(node.target.id)
    assert public(dir(_core)) <= names, public(dir(_core)) - names


def test_stub_names_every_public_member_of_every_class():
    classes = {n.name: n for n in stub_tree().body if isinstance(n, ast.ClassDef)}
    for name, cls in inspect.getmembers(_core, inspect.isclass):
        if issubclass(cls, BaseException):
            continue
        in_stub = set()
        for node in classes[name].body:
            if isinstance(node, ast.FunctionDef):
                in_stub.add(node.name)
            elif isinstance(node, ast.AnnAssign):
                in_stub.add(node.target.id)
        members = {m for m in vars(cls) if not m.startswith("_")}
        assert members <= in_stub, (name, members - in_stub)


def test_py_typed_and_main_ship():
    assert (PACKAGE / "py.typed").exists()
    assert (PACKAGE / "__main__.py").exists()


def test_version_and_constants():
    assert electsec.__version__.count(".") == 2
    assert electsec.MATURITIES == (1, 2, 3)
    assert electsec.SCOPES == ("priority", "in_scope", "out_of_scope")
    assert "N/A" in electsec.ASSET_TYPES and len(electsec.ASSET_TYPES) == 6
    assert electsec.SECURITY_FUNCTIONS[-1] == "Recover"
    assert electsec.CATALOG_SCHEMA == "electsec.catalog/1"
    assert electsec.level_name(2) == "Level 2"


# pyproject.toml (scikit-build-core) cannot be built here without PyPI; these checks keep it
# in step with the CMake project it drives.
ROOT = pathlib.Path(__file__).resolve().parents[2]


def pyproject():
    import tomllib

    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_pyproject_version_is_the_module_version():
    assert pyproject()["project"]["version"] == electsec.__version__


def test_pyproject_defines_only_real_cmake_options():
    import re

    cmake = (ROOT / "CMakeLists.txt").read_text(encoding="utf-8")
    options = set(re.findall(r"^option\((ELECTSEC_\w+)", cmake, re.MULTILINE))
    defines = pyproject()["tool"]["scikit-build"]["cmake"]["define"]
    assert defines, "pyproject sets no CMake options"
    assert set(defines) <= options, set(defines) - options
    assert defines["ELECTSEC_BUILD_PYTHON"] == "ON"


def test_pyproject_installs_the_component_the_bindings_declare():
    bindings = (ROOT / "bindings" / "python" / "CMakeLists.txt").read_text(encoding="utf-8")
    components = pyproject()["tool"]["scikit-build"]["install"]["components"]
    assert components == ["python"]
    assert bindings.count("COMPONENT python") == 2  # the module and the package's files


def test_views_and_report_load_on_first_use():
    # _display and _report are nearly a tenth of `import electsec` (issue #18): imported
    # when first needed, with every name where it was.
    import os
    import subprocess
    import sys

    code = """
import sys, electsec
print(sorted(m for m in sys.modules if m.startswith("electsec.")))
assert "report" in dir(electsec) and "_repr_html_" in dir(electsec.Goal)
cat = electsec.default_catalog()
hits = cat.search("backups")
print(type(hits).__name__, "electsec._display" in sys.modules)
print(cat.practice("backups")._repr_html_()[:4], electsec.report.__module__)
"""
    env = dict(os.environ, PYTHONPATH=str(PACKAGE.parent))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env=env).stdout.splitlines()
    assert out == ["['electsec._core']", "SearchHits True", "<div electsec._report"]


def test_a_self_contained_module_exports_only_its_entry_point():
    # Where the module holds the C++ runtime (no libstdc++ among what it needs), it exports
    # nothing else (bindings/python/exports.map): no symbol look-ups for its own code.
    import shutil
    import subprocess

    if shutil.which("readelf") is None:
        pytest.skip("needs readelf")
    module = _core.__file__
    needed = subprocess.run(["readelf", "-dW", module], capture_output=True, text=True, check=True).stdout
    if "libstdc++" in needed:
        pytest.skip("a module on the shared C++ runtime")
    symbols = subprocess.run(["readelf", "--dyn-syms", "-W", module], capture_output=True, text=True,
                             check=True).stdout.splitlines()
    defined = {line.split()[7] for line in symbols
               if len(line.split()) >= 8 and line.split()[6] != "UND" and line.split()[4] in ("GLOBAL", "WEAK")}
    assert defined == {"PyInit__core"}, sorted(defined)[:10]


def test_module_names_of_classes_and_functions():
    # While it registers them, _core answers __module__ with its name (module.cpp); after,
    # it has no __module__ again.
    assert not hasattr(_core, "__module__")
    for value in (electsec.Goal, electsec.Catalog, electsec.default_catalog, electsec.Store, electsec.diff,
                  electsec.OscalImport):
        assert value.__module__ == "electsec._core", value
    assert not hasattr(_core, "__module__")
