#!/usr/bin/env python3
"""Generate data/holidays_id.csv: Indonesia's national holidays and joint leave days.

Not needed to build or test the crate; run it only to refresh the committed data file:

    python3 -m venv /tmp/hol && /tmp/hol/bin/pip install holidays
    /tmp/hol/bin/python scripts/gen_holidays.py > data/holidays_id.csv

Source: the PyPI package `holidays` (country "ID"), which follows the yearly joint decree of
three ministers (SKB 3 Menteri) on hari libur nasional and cuti bersama, and the Keppres on
cuti bersama ASN.

- category `public`: hari libur nasional (the package's PUBLIC category).
- category `government`: cuti bersama, joint leave (the package's GOVERNMENT category).

Names are the package's Indonesian ("id") names, one row per holiday; a date carrying two
holidays (2021-05-13) gives two rows.
"""

import datetime
import sys

import holidays

FIRST_YEAR = 2016
LAST_YEAR = 2027
LANGUAGE = "id"

# Label corrections applied after the package's output, each with its reason. Dates are never
# changed here; a date correction would go in its own list with the decree that supports it.
NAME_CORRECTIONS = {
    # The package's Indonesian "observed" label is misspelt "Pegangti" (holidays 0.109,
    # holidays/countries/indonesia.py, `observed_label`); the word is "pengganti" (substitute),
    # as its own English label "(observed)" says. Affects 2020-12-31, the Idul Fitri joint
    # leave day moved to the end of 2020 by the revised SKB 3 Menteri for 2020.
    "Pegangti ": "Pengganti ",
}


def corrected(name: str) -> str:
    for wrong, right in NAME_CORRECTIONS.items():
        name = name.replace(wrong, right)
    return name


def rows():
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    for label, category in (("public", holidays.PUBLIC), ("government", holidays.GOVERNMENT)):
        calendar = holidays.country_holidays(
            "ID", years=years, categories=(category,), language=LANGUAGE
        )
        for date in sorted(calendar):
            for name in calendar.get_list(date):
                name = corrected(name)
                # The reader splits on the first two commas only; keep the file plain CSV
                # too (no quoting needed) by refusing commas, quotes and line breaks.
                if any(c in name for c in ',"\r\n') or not name.strip():
                    sys.exit(f"unusable holiday name on {date}: {name!r}")
                yield date, label, name


def main():
    out = sys.stdout
    data = sorted(set(rows()), key=lambda r: (r[0], r[1] != "public", r[2]))
    out.write("# Indonesia: national public holidays (hari libur nasional, category public)\n")
    out.write("# and joint leave days (cuti bersama, category government).\n")
    out.write(f"# source: PyPI package holidays {holidays.__version__}, country ID, ")
    out.write(f"categories PUBLIC and GOVERNMENT, language {LANGUAGE}\n")
    out.write("# generator: scripts/gen_holidays.py\n")
    out.write(f"# generated: {datetime.date.today().isoformat()}\n")
    out.write(f"# coverage: {FIRST_YEAR}-{LAST_YEAR}\n")
    out.write("# '(perkiraan)' marks a date the package calls estimated.\n")
    out.write("date,category,name\n")
    for date, label, name in data:
        out.write(f"{date.isoformat()},{label},{name}\n")


if __name__ == "__main__":
    main()
