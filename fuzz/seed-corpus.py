#!/usr/bin/env python3
"""Regenerates the committed seed corpus of the fuzz targets, fuzz/corpus/<target>/seed-*,
from the repository's own data:

- envelope_line: every line of the golden logs (tests/golden/**/*.jsonl);
- command: the `command` member of every golden line, and the first step of each golden log
  as a whole `lifecycle::Step` (actor, on, command);
- policy: `{}`, the frozen default policies (src/law/policies/*.json), each of their fields
  alone, and the non-default policy values golden lines store;
- register_csv: examples/data/sidrap-2024.csv, its header with each record, and its header
  with the first three records;
- kode_wilayah: the region codes of examples/data/borders-sulsel.json and of the register's
  `pihak` column, bare and as JSON strings.

Files are named `seed-<first 16 hex digits of their SHA-1>`, so a rerun writes the same
files and what a fuzzing run adds to a corpus directory (named by libFuzzer with a bare SHA-1,
ignored by git) is never mistaken for a seed. Old seeds are removed first. Standard library
only; run from anywhere: `python3 fuzz/seed-corpus.py`.
"""

import csv
import hashlib
import io
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"
TARGETS = ["envelope_line", "command", "policy", "register_csv", "kode_wilayah"]


def golden_lines():
    lines = []
    for path in sorted((ROOT / "tests" / "golden").rglob("*.jsonl")):
        lines.extend(l for l in path.read_text(encoding="utf-8").split("\n") if l)
    return lines


def compact(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def seeds():
    out = {target: [] for target in TARGETS}
    lines = golden_lines()
    out["envelope_line"] = lines

    first_of_log = set()
    for path in sorted((ROOT / "tests" / "golden").rglob("*.jsonl")):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        first_of_log.add(first)
    for line in lines:
        envelope = json.loads(line)
        out["command"].append(compact(envelope["command"]))
        if line in first_of_log:
            step = {
                "actor": envelope["actor"],
                "on": envelope["occurred_on"],
                "command": envelope["command"],
            }
            out["command"].append(compact(step))
        policy = envelope.get("policy")
        if isinstance(policy, dict) and policy:
            out["policy"].append(compact(policy))

    out["policy"].append("{}")
    for path in sorted((ROOT / "src" / "law" / "policies").glob("*.json")):
        text = path.read_text(encoding="utf-8")
        out["policy"].append(text)
        # Each field alone, so that every field name is in the corpus.
        for field, value in json.loads(text).items():
            out["policy"].append(compact({field: value}))

    register = (ROOT / "examples" / "data" / "sidrap-2024.csv").read_text(encoding="utf-8")
    rows = list(csv.reader(io.StringIO(register, newline="")))

    def write(records):
        buffer = io.StringIO(newline="")
        csv.writer(buffer, lineterminator="\n").writerows(records)
        return buffer.getvalue()

    out["register_csv"].append(register)
    header, records = rows[0], [r for r in rows[1:] if any(cell.strip() for cell in r)]
    for record in records:
        out["register_csv"].append(write([header, record]))
    out["register_csv"].append(write([header] + records[:3]))

    borders = json.loads((ROOT / "examples" / "data" / "borders-sulsel.json").read_text())
    codes = {code for pair in borders["pairs"] for code in pair}
    codes |= set(re.findall(r"\b\d\d(?:\.\d\d)?\b(?= [A-Z])", register))
    for code in sorted(codes):
        out["kode_wilayah"].append(code)
        out["kode_wilayah"].append(compact(code))
    return out


def main():
    total_files, total_bytes = 0, 0
    for target, inputs in seeds().items():
        directory = CORPUS / target
        directory.mkdir(parents=True, exist_ok=True)
        for old in directory.glob("seed-*"):
            old.unlink()
        written = set()
        for text in inputs:
            data = text.encode("utf-8")
            name = "seed-" + hashlib.sha1(data).hexdigest()[:16]
            if name in written:
                continue
            written.add(name)
            (directory / name).write_bytes(data)
            total_bytes += len(data)
        total_files += len(written)
        print(f"{target}: {len(written)} seeds")
    print(f"total: {total_files} files, {total_bytes} bytes")


if __name__ == "__main__":
    main()
