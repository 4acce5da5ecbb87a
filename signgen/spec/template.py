"""``{field}`` templates: the one place a plaque segment's text is parsed and filled.

A segment's text is literal text with field names in braces (``{district}{street}``);
``{{`` and ``}}`` stand for the braces themselves. Everything that needs the fields of a
text (the loader's cross-checks, the plaque text, the schedule, the audit, the communities
file, the batch, the site) asks this module, so they all read a template the same way.

It sits in the spec stage because the loader checks templates before any plaque exists.
"""

from __future__ import annotations

import string
from collections.abc import Mapping
from functools import lru_cache

from signgen.spec.model import Plaque


@lru_cache(maxsize=4096)
def template_parts(template: str) -> tuple[tuple[str, str | None], ...]:
    """The template as (literal text, field name or None) pairs, in order.

    >>> template_parts("{district}区{{x}}")
    (('', 'district'), ('区{', None), ('x}', None))

    Raises:
        ValueError: unbalanced braces (``{district``, ``}``).
    """
    return tuple((literal, name) for literal, name, _, _ in string.Formatter().parse(template))


def field_names(template: str) -> list[str]:
    """The field names a template uses, each once, in order of first use.

    >>> field_names("{district}{street}{district}")
    ['district', 'street']

    Raises:
        ValueError: unbalanced braces.
    """
    return list(dict.fromkeys(name for _, name in template_parts(template) if name))


def plaque_fields(plaque: Plaque) -> list[str]:
    """The field names a plaque's segments use, each once, in segment order."""
    return list(dict.fromkeys(name for seg in plaque.segments for name in field_names(seg.text)))


def uses_field(plaque: Plaque, name: str) -> bool:
    """Whether any segment of the plaque fills in field ``name``."""
    return name in plaque_fields(plaque)


def fill_template(template: str, values: Mapping[str, str], placeholders: Mapping[str, str]
                  ) -> str:
    """Fill ``{field}`` names; a field without a value shows its placeholder.

    >>> fill_template("{district}{street}", {"district": "东湖区"}, {"street": "??街道"})
    '东湖区??街道'
    """
    out = []
    for literal, name in template_parts(template):
        out.append(literal)
        if name is not None:
            value = values.get(name, "").strip()
            out.append(value if value else placeholders.get(name, "??"))
    return "".join(out)
