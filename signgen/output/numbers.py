"""Numbers as people write them: the one formatter for every number signgen prints.

One rule everywhere (messages, reports, pages, drawings, SVG coordinates): a fixed number
of decimals, then trailing zeros and a trailing point dropped; never an exponent, never
``-0``. Only the precision differs, by what the number is:

- ``REPORT`` (2): areas, widths and totals in reports, schedules and floor plans;
- ``MEASURED`` (4): a measurement judged against a requirement, so that 319.995 m² never
  reads as 320 beside "required ≥ 320";
- ``SITE`` (4): values of the spec on the site's pages;
- ``LABEL_MM`` (1): lengths on drawings, copy-fit messages and plaque pages (0.1 mm);
- ``SVG_MM`` (3): coordinates in SVG files, in mm (1 µm).
"""

from __future__ import annotations

REPORT = 2
MEASURED = 4
SITE = 4
LABEL_MM = 1
SVG_MM = 3


def number(value: float, decimals: int = REPORT) -> str:
    """``value`` with at most ``decimals`` decimals, no trailing zeros, no exponent.

    >>> number(310.0), number(12.5), number(1/3), number(-0.001), number(1250000)
    ('310', '12.5', '0.33', '0', '1250000')
    >>> number(55.3, MEASURED), number(319.995, MEASURED), number(752.26, LABEL_MM)
    ('55.3', '319.995', '752.3')
    """
    text = f"{value:.{decimals}f}".rstrip("0").rstrip(".") if decimals else f"{value:.0f}"
    return "0" if text == "-0" else text


def measured(value: float) -> str:
    """A measurement or a requirement it is judged against (``MEASURED`` decimals).

    >>> measured(319.995), measured(55.0)
    ('319.995', '55')
    """
    return number(value, MEASURED)


def mm(value: float) -> str:
    """A length in mm as an SVG coordinate: at most three decimals (1 µm).

    >>> mm(12.5), mm(0.0004), mm(-3.0)
    ('12.5', '0', '-3')
    """
    return number(value, SVG_MM)


def mm_label(value: float) -> str:
    """A length as a drawing or a message labels it: whole millimetres, or one decimal.

    >>> mm_label(1800.0), mm_label(752.26), mm_label(-0.01)
    ('1800', '752.3', '0')
    """
    return number(value, LABEL_MM)


def mm_text(value: float | None) -> str:
    """``1000 mm``, or ``—`` where no value is given.

    >>> mm_text(1000.04), mm_text(None)
    ('1000 mm', '—')
    """
    return "—" if value is None else f"{mm_label(value)} mm"
