"""The building blocks of the input model: bounded text, counts, money, rates, and a strict base.

Every field of :mod:`drafter.inputs.model` and :mod:`drafter.inputs.sections` is one of these
types, made with :func:`described` so that it carries a Vietnamese ``title`` and ``description``
(the validator, the JSON Schema, the Excel headers and the starter file read them).
"""

from __future__ import annotations

import unicodedata
from typing import Annotated

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

__all__ = ["Choice", "Count", "Money", "Name", "Percent", "Share", "Strict", "Text", "described"]

# One screenful is plenty for any single statement; longer text is a paste error.
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=2000)]
Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Count = Annotated[int, Field(ge=0, le=100_000_000)]
Money = Annotated[int, Field(ge=0, le=10**15)]
#: A rate the user states without its counts ("đạt 100% chỉ tiêu"); above 100 when a target is exceeded.
Percent = Annotated[float, Field(ge=0, le=1000, allow_inf_nan=False)]
#: A share of a whole the user states without its counts ("chiếm 1,66%").
Share = Annotated[float, Field(ge=0, le=100, allow_inf_nan=False)]


def _folded(value):
    """A choice as the model spells it: "Giấy khen", "Sáng", "UBND" typed as a document writes
    them are the choices "giấy khen", "sáng", "ubnd".

    >>> _folded("  Giấy khen "), _folded("UBND"), _folded(3)
    ('giấy khen', 'ubnd', 3)
    """
    return unicodedata.normalize("NFC", value).strip().lower() if isinstance(value, str) else value


#: Put on a ``Literal`` of choices: ``Annotated[Literal["sáng", "chiều"], Choice]``.
Choice = BeforeValidator(_folded)


def described(title: str, description: str, **kwargs):
    """A pydantic field with its Vietnamese title and description."""
    if kwargs.get("default_factory") is list:
        # pydantic asks each factory's signature whether it takes the validated data; for the
        # builtin ``list`` inspect parses a text signature, 0.1 ms a field and 44 list fields at
        # every start. A function of ours gives the same empty list and answers at once.
        kwargs["default_factory"] = _empty_list
    return Field(title=title, description=description, **kwargs)


def _empty_list() -> list:
    return []


class Strict(BaseModel):
    # Built when first used, not when defined: the report model is built from a schema kept on
    # disk (drafter.inputs.schema_cache), the others by pydantic only if used on their own.
    model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True, defer_build=True)

