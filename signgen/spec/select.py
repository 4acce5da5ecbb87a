"""Pick one standard out of a specs folder: by id, or the one whose role is core."""

from __future__ import annotations

from pathlib import Path

from signgen.errors import SigngenError
from signgen.spec.load import load_standards
from signgen.spec.model import Standard


def pick_standard(standards: list[Standard], standard_id: str | None,
                  option: str = "--standard") -> Standard:
    """The standard with ``standard_id``, or (id None) the single core standard; errors name
    ``option``, where the id came from.

    Raises:
        SigngenError: unknown id, or no single core standard; the message lists the known ids.
    """
    known = ", ".join(f"{s.id} ({s.standard.role})" for s in standards) or "none"
    if standard_id:
        found = next((s for s in standards if s.id == standard_id), None)
        if found is None:
            raise SigngenError(f"{option}: expected one of {known}, got {standard_id!r}")
        return found
    cores = [s for s in standards if s.standard.role == "core"]
    if len(cores) != 1:
        raise SigngenError(f"{option}: expected exactly one standard with role core to use "
                           f"by default, got {len(cores)}; pick one of {known}")
    return cores[0]


def load_selected(specs_dir: Path, standard_id: str | None = None) -> Standard:
    """Load every standard under ``specs_dir`` and return the one picked by id or role core.

    Raises:
        SigngenError: spec problems, an unknown id (listing the known ids), or no core standard.
    """
    return pick_standard(load_standards(specs_dir), standard_id)
