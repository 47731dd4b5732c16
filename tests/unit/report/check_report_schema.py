#!/usr/bin/python3
"""Validates real reports against core/schema/report.v1.schema.json (JSON Schema 2020-12).

Runs the native CLI (`meshcheck analyze --json`) on every corpus file of every format (with
pseudonyms and with --names), on all Discord JSON files in one session, on one group picked
from a multi-group export (--group), and on error cases: an input that is no export, a JSON document
forced through --format discord-json, and damaged Discord JSON, each beside a readable file
(the CLI prints no report when no input could be read). Every report must validate, and each
error case must show the expected input error. Exits 1 on any failure.

usage: check_report_schema.py MESHCHECK SCHEMA CORPUS_DIR
"""

import json
import os
import subprocess
import sys
import tempfile

import jsonschema


def analyze(meshcheck, args):
    result = subprocess.run([meshcheck, "analyze", "--json"] + args, capture_output=True,
                            text=True, check=False)
    if not result.stdout:
        raise RuntimeError("no report for %s (exit %d): %s" % (args, result.returncode,
                                                               result.stderr.strip()))
    return json.loads(result.stdout)


def error_cases(workdir, readable):
    """(label, CLI args, {input name: expected error code}) for inputs that fail."""
    def write(name, data):
        path = os.path.join(workdir, name)
        with open(path, "wb") as f:
            f.write(data)
        return path

    notes = write("shopping-list.txt", b"eggs\nmilk\nflour\n")
    other = write("settings.json", b'{"theme": "dark", "messages": 3}\n')
    empty = write("empty.json", b"")
    damaged = write("damaged.json", b'{"guild": {"id": "1", "name": "G"}, "channel": {"id": "2"},'
                                    b' "messages": [{"id": "3", "type": "Default", ] }')
    with open(readable, "rb") as f:
        head = f.read()
    truncated = write("truncated.json", head[:len(head) // 2])
    return [
        ("plain text beside a Discord export", [notes, readable],
         {"shopping-list.txt": "unsupported_format"}),
        ("unrelated JSON beside a Discord export", [other, readable],
         {"settings.json": "unsupported_format"}),
        ("unrelated JSON forced as discord-json", ["--format", "discord-json", other, readable],
         {"settings.json": "unsupported_format"}),
        ("an empty file", [empty, readable], {"empty.json": "unsupported_format"}),
        ("damaged Discord JSON", [damaged, readable], {"damaged.json": "parse_error"}),
        ("truncated Discord JSON", [truncated, readable], {}),
        ("a declared host that matches nobody", ["--host", "Nobody At All", readable], {}),
    ]


def main(argv):
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    meshcheck, schema_path, corpus = argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    discord = os.path.join(corpus, "discord")
    files = sorted(os.path.join(discord, n) for n in os.listdir(discord) if n.endswith(".json"))
    if not files:
        print("no Discord JSON file in " + discord, file=sys.stderr)
        return 1
    failures = []
    checked = 0

    def check(label, args, expected_errors):
        nonlocal checked
        try:
            report = analyze(meshcheck, args)
        except (RuntimeError, ValueError) as e:
            failures.append("%s: %s" % (label, e))
            return
        checked += 1
        for error in validator.iter_errors(report):
            path = "/".join(str(p) for p in error.absolute_path)
            failures.append("%s: at /%s: %s" % (label, path, error.message))
        codes = {i["name"]: i["error"]["code"] for i in report["inputs"] if i["status"] == "error"}
        if codes != expected_errors:
            failures.append("%s: input errors %r, expected %r" % (label, codes, expected_errors))

    every = sorted(os.path.join(root, n) for root, _, names in os.walk(corpus) for n in names
                   if not n.endswith(".md"))
    for path in every:
        name = os.path.relpath(path, corpus)
        check(name, [path], {})
        check(name + " --names", ["--names", path], {})
    check("all Discord files in one session", files, {})
    slack = os.path.join(corpus, "slack", "rcwg-r-contributors-subset.zip")
    check("one channel of a Slack workspace", ["--group", "#general", slack], {})
    with tempfile.TemporaryDirectory() as workdir:
        for label, args, expected in error_cases(workdir, files[-1]):
            check(label, args, expected)
    for f in failures:
        print("FAIL " + f)
    print("%d reports validated against %s, %d failures"
          % (checked, os.path.basename(schema_path), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
