"""The report model's validator, built from a core schema kept on disk (:mod:`drafter.cache`).

Why: before it validates anything, pydantic generates the core schema of
:class:`~drafter.inputs.model.Report` (28 models, 25-35 ms), in every process, and generates the
same schema each time while the models' code and pydantic stay the same. So the models are built
lazily (``defer_build`` on :class:`~drafter.inputs.fields.Strict`), and :func:`complete` gives
the report model the validator and serializer of the schema pydantic generated in an earlier
process. The pickle names the models and validator functions, so the schema is made of this
process's own classes and functions once read.

Why it is safe: the entry's key holds pydantic's and pydantic-core's versions and the stamps of
every module that defines the models or their validators, this one included; with the cache off,
an entry missing, stale or unreadable, or a schema that is not the model's or does not build,
pydantic builds the model as it always does; so it does when pydantic's validator plugins may be
wanted (``PYDANTIC_DISABLE_PLUGINS`` is not set to turn them all off, as drafter's command line
sets it unless the user chose otherwise). Models used on their own (``Unit.model_validate``)
are built by pydantic when first used, as ``defer_build`` promises.

pydantic's API: no private function is called. What is set is what pydantic's own build sets,
four class attributes :class:`pydantic.BaseModel` documents (``__pydantic_core_schema__``,
``__pydantic_validator__``, ``__pydantic_serializer__``, ``__pydantic_complete__``): pydantic has
no public way to give a model a prebuilt schema. Not reproduced from pydantic's build: the
synthesized ``__signature__`` (nothing in drafter reads it; ``inspect.signature`` then shows
``**data``, as for any model whose build is deferred).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable

import pydantic_core
from pydantic import BaseModel
from pydantic.version import VERSION as PYDANTIC_VERSION

from drafter.cache import cached

__all__ = ["complete"]

#: The values of PYDANTIC_DISABLE_PLUGINS pydantic reads as "no plugins" (pydantic/plugin/_loader.py).
_PLUGINS_OFF = ("__all__", "1", "true")


def complete(model: type[BaseModel], modules: Iterable[str]) -> None:
    """Build ``model`` (one whose config has ``defer_build``) from the schema kept on disk, or by
    pydantic, keeping what it builds; ``modules`` are the (loaded) modules that define the models
    and validators it is made of."""
    if os.environ.get("PYDANTIC_DISABLE_PLUGINS") not in _PLUGINS_OFF:
        # Plugins may be installed and wanted (drafter's command line turns them off unless the
        # user chose some): they wrap the validator pydantic makes, so pydantic makes it.
        model.model_rebuild()
        return
    versions = f"pydantic {PYDANTIC_VERSION}, pydantic-core {pydantic_core.__version__}"
    sources = [sys.modules[name].__file__ for name in modules] + [__file__]
    schema = cached(f"core-schema-{model.__name__}", sources, lambda: _generated(model), versions)
    if model.__pydantic_complete__:
        return  # pydantic built it just now: there was no entry, or the cache is off
    try:
        _install(model, schema)
    except Exception:  # noqa: BLE001 - a schema of another model or shape, or one that does not build
        model.model_rebuild(force=True)


def _generated(model: type[BaseModel]):
    model.model_rebuild()
    return model.__pydantic_core_schema__


def _install(model: type[BaseModel], schema) -> None:
    top = schema.get("schema") if schema.get("type") == "definitions" else schema
    if not isinstance(top, dict) or top.get("type") != "model" or top.get("cls") is not model:
        raise ValueError(f"not the core schema of {model.__name__}")
    # The model's own core config, the one pydantic gives its validator (``ConfigWrapper`` is private).
    config = top.get("config")
    validator = pydantic_core.SchemaValidator(schema, config)
    serializer = pydantic_core.SchemaSerializer(schema, config)
    model.__pydantic_core_schema__ = schema
    model.__pydantic_validator__ = validator
    model.__pydantic_serializer__ = serializer
    model.__pydantic_complete__ = True
