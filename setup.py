"""Only what pyproject.toml cannot say: the packages found under lunar_custody/, plus
resources/ (kept at the top of the repository) shipped as the package lunar_custody.resources
(see the package-dir mapping in pyproject.toml and lunar_custody/resources_path.py)."""

from setuptools import find_packages, setup

setup(packages=[*find_packages(include=["lunar_custody*"]), "lunar_custody.resources"])
