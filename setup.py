"""Build hook: ship the top-level ``resources/`` folder inside the package.

The repository keeps seed data, icons and translations in ``resources/`` (beside ``src/``) so
that they are easy to find and edit; a wheel must carry them inside ``protokol_desktop`` so that a
plain ``pip install .`` works. Everything else is declared in ``pyproject.toml``.
"""

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent


class BuildPyWithResources(build_py):
    def run(self) -> None:
        super().run()
        target = Path(self.build_lib) / "protokol_desktop" / "resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(HERE / "resources", target, ignore=shutil.ignore_patterns("*.ts", "__pycache__"))


setup(cmdclass={"build_py": BuildPyWithResources})
