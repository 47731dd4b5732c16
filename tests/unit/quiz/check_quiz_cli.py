#!/usr/bin/python3
"""Checks `meshcheck quiz` end to end against core/schema/quiz-result.v1.schema.json.

Runs the native CLI on answers for every persona of the default definition (all weakest, all
strongest and mixed answers), alone and with real reports (`meshcheck analyze --json` on every
Discord corpus JSON file and on examples/demo-server.json). Every result must validate against
the schema, and its numbers are recomputed here from the answers, the definition file and the
report (ANALYSIS.md C.6): PCS = 25 x sum(w_i q_i), PS, delta = PCS - CI, the outcome, the lead,
and each question's evidence from the report's component scores. Error cases (bad answers,
unfinished answers, a bad definition, a file that is no report) must fail with their status id.
Exits 1 on any failure.

usage: check_quiz_cli.py MESHCHECK SCHEMA DEFAULT_DEFINITION CORPUS_DIR
"""

import itertools
import json
import os
import subprocess
import sys
import tempfile

import jsonschema

LEVELS = [(70, "community"), (45, "emerging_community"), (20, "engaged_audience"),
          (0, "broadcast_audience")]
POINTS = {"yes": 2, "partly": 1, "no": 0}
CHECKS = {"q1": ["AUT"], "q2": ["PRS"], "q3": ["MIS"], "q4": ["ORR"], "q5": ["PRC", "HRC"]}


def level(score):
    return next(name for edge, name in LEVELS if score >= edge)


class Checker:
    def __init__(self, meshcheck, schema, definition, workdir):
        self.meshcheck = meshcheck
        self.validator = jsonschema.Draft202012Validator(schema)
        self.definition = definition
        self.workdir = workdir
        self.failures = []
        self.results = 0

    def fail(self, label, message):
        self.failures.append("%s: %s" % (label, message))

    def write(self, name, data):
        path = os.path.join(self.workdir, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(data if isinstance(data, str) else json.dumps(data))
        return path

    def run(self, args):
        return subprocess.run([self.meshcheck] + args, capture_output=True, text=True,
                              check=False)

    def checklist(self, persona):
        own = next(p["practices"] for p in self.definition["personas"] if p["id"] == persona)
        return [p["id"] for p in own + self.definition["practices"]["shared"]["items"]]

    def quiz(self, label, answers, report_path=None):
        args = ["quiz", "--json", "--answers", self.write("answers.json", answers)]
        if report_path:
            args += ["--report", report_path]
        r = self.run(args)
        if r.returncode != 0:
            self.fail(label, "exit %d: %s" % (r.returncode, r.stderr.strip()))
            return None
        result = json.loads(r.stdout)
        self.results += 1
        for error in self.validator.iter_errors(result):
            path = "/".join(str(p) for p in error.absolute_path)
            self.fail(label, "at /%s: %s" % (path, error.message))
        # The text summary works for the same input.
        text = self.run([a for a in args if a != "--json"])
        if text.returncode != 0 or result["self_view"]["title"] not in text.stdout:
            self.fail(label, "the text summary does not show the level")
        return result

    def check_scores(self, label, answers, result):
        items = self.definition["diagnostic"]["items"]
        pcs = 25 * sum(q["weight"] * answers["diagnostic"][q["id"]] for q in items)
        if abs(result["self_view"]["score"] - pcs) > 0.051:
            self.fail(label, "PCS %s, expected %s" % (result["self_view"]["score"], pcs))
        if result["self_view"]["level"] != level(result["self_view"]["score"]):
            self.fail(label, "level %s for %s" % (result["self_view"]["level"], pcs))
        points = sum(POINTS[a] for a in answers["practices"].values())
        ps = 100 * points / (2 * len(answers["practices"]))
        practices = result["practices"]
        if practices["points"] != points or abs(practices["score"] - ps) > 0.051:
            self.fail(label, "practice score %s, expected %s" % (practices["score"], ps))
        unchecked = {i for i, a in answers["practices"].items() if a != "yes"}
        if {s["id"] for s in practices["roadmap"]} != unchecked:
            self.fail(label, "the roadmap is not the unchecked practices")
        priorities = [s["priority"] for s in practices["roadmap"]]
        if priorities != sorted(priorities, reverse=True):
            self.fail(label, "the roadmap is not ordered by priority")

    def check_comparison(self, label, result, report):
        verdict = report["verdict"]
        c = result["comparison"]
        if c is None:
            self.fail(label, "no comparison with a report")
            return
        ci = verdict["community_index"]
        if c["data"]["community_index"] != ci or c["data"]["confidence"] != verdict["confidence"]:
            self.fail(label, "the comparison does not carry the report's index and confidence")
        pcs = result["self_view"]["score"]
        if ci is not None:
            delta = pcs - ci
            if abs(c["delta"] - delta) > 0.051:
                self.fail(label, "delta %s, expected %s" % (c["delta"], delta))
            same_band = c["data_level"] == result["self_view"]["level"]
            expected = ("optimistic" if c["delta"] > 15 else "hidden_community"
                        if c["delta"] < -15 else "aligned" if same_band else "near_edge")
            if c["outcome"] != expected:
                self.fail(label, "outcome %s, expected %s" % (c["outcome"], expected))
        lead = ("quiz" if verdict["label"] == "insufficient_data" or ci is None else
                {"high": "data", "medium": "both"}.get(verdict["confidence"], "quiz"))
        if c["lead"] != lead:
            self.fail(label, "lead %s, expected %s" % (c["lead"], lead))
        # A "fallback: ..." note marks a stand-in (another measure's score), no evidence.
        measured = {k["id"]: k for k in verdict["components"]
                    if k["available"] and not k.get("note", "").startswith("fallback")}
        for item in c["items"]:
            scores = [measured[k]["score"] for k in CHECKS[item["id"]] if k in measured]
            if not scores:
                ok = item["verdict"] == "not_measurable" and item["evidence"] is None
            else:
                evidence = sum(scores) / len(scores)
                claim = result["self_view"]["items"][int(item["id"][1:]) - 1]["score"]
                agree = abs(claim - evidence) <= 0.25 + 1e-9
                ok = (abs(item["evidence"] - evidence) <= 0.0006 and
                      item["verdict"] == ("consistent" if agree else "contradicted"))
                # Shares are cited as percentages (AUT cites HSR and MOC instead).
                for k in CHECKS[item["id"]]:
                    share = "%d%%" % int(measured[k]["raw"] * 100 + 0.5) if k in measured else ""
                    if k != "AUT" and share not in item["data_says"]:
                        self.fail(label, "%s: '%s' does not cite %s %s" % (
                            item["id"], item["data_says"], k, share))
            if not ok:
                self.fail(label, "%s: %s" % (item["id"], json.dumps(item)))
        contradicted = [i for i in c["items"] if i["verdict"] == "contradicted"]
        if len(c["disagreements"]) != len(contradicted):
            self.fail(label, "disagreements do not list the contradicted questions")

    def expect_error(self, label, args, status_id):
        r = self.run(args)
        if r.returncode == 0 or ("[%s]" % status_id) not in r.stderr:
            self.fail(label, "expected [%s], got exit %d: %s" % (status_id, r.returncode,
                                                                 r.stderr.strip()))


def answer_sets(definition):
    personas = [p["id"] for p in definition["personas"]]
    patterns = [([0] * 5, "no"), ([4] * 5, "yes"), ([2, 1, 4, 0, 3], "mixed")]
    for persona, (diagnostic, practices) in itertools.product(personas, patterns):
        yield persona, diagnostic, practices


def main(argv):
    if len(argv) != 5:
        print(__doc__, file=sys.stderr)
        return 2
    meshcheck, schema_path, definition_path, corpus = argv[1:]
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    with open(definition_path, encoding="utf-8") as f:
        definition = json.load(f)
    repo = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(definition_path))))
    discord = os.path.join(corpus, "discord")
    exports = sorted(os.path.join(discord, n) for n in os.listdir(discord) if n.endswith(".json"))
    exports.append(os.path.join(repo, "examples", "demo-server.json"))
    exports = [e for e in exports if os.path.exists(e)]
    with tempfile.TemporaryDirectory() as workdir:
        c = Checker(meshcheck, schema, definition, workdir)
        reports = []
        for path in exports:
            r = c.run(["analyze", "--json", path])
            if r.returncode != 0:
                c.fail(path, "analyze failed: " + r.stderr.strip())
                continue
            reports.append((os.path.basename(path), c.write(os.path.basename(path) + ".report",
                                                            r.stdout), json.loads(r.stdout)))
        for persona, diagnostic, pattern in answer_sets(definition):
            ids = c.checklist(persona)
            scale = ["yes", "partly", "no"]
            practices = {i: (pattern if pattern != "mixed" else scale[n % 3])
                         for n, i in enumerate(ids)}
            answers = {"persona": persona,
                       "diagnostic": {"q%d" % (n + 1): v for n, v in enumerate(diagnostic)},
                       "practices": practices}
            label = "%s %s %s" % (persona, diagnostic, pattern)
            result = c.quiz(label, answers)
            if result is not None:
                c.check_scores(label, answers, result)
                if result["comparison"] is not None:
                    c.fail(label, "a comparison without a report")
            for name, path, report in reports:
                result = c.quiz(label + " with " + name, answers, path)
                if result is not None:
                    c.check_comparison(label + " with " + name, result, report)

        answers = c.write("good.json", {"persona": "creator", "diagnostic": {"q1": 1}})
        c.expect_error("unfinished answers", ["quiz", "--answers", answers],
                       "quiz.answers.incomplete")
        bad = c.write("bad.json", {"diagnostic": {"q1": 7}})
        c.expect_error("an answer out of range", ["quiz", "--answers", bad], "quiz.answers.invalid")
        if reports:
            c.expect_error("a report given as answers", ["quiz", "--answers", reports[0][1]],
                           "quiz.answers.invalid")
            c.expect_error("answers given as a report",
                           ["quiz", "--answers", answers, "--report", answers],
                           "quiz.report.invalid")
        broken = dict(definition, version="one")
        broken_path = c.write("broken-definition.json", broken)
        c.expect_error("a bad definition", ["quiz", "--check", "--definition", broken_path],
                       "quiz.definition.invalid")
        c.expect_error("scoring with a bad definition",
                       ["quiz", "--answers", answers, "--definition", broken_path],
                       "quiz.definition.invalid")
        if c.run(["quiz", "--check", "--definition", definition_path]).returncode != 0:
            c.fail("--check", "the default definition file does not validate")
        missing = c.run(["quiz", "--answers", os.path.join(workdir, "missing.json")])
        if missing.returncode != 1 or "cannot read" not in missing.stderr:
            c.fail("a missing file", missing.stderr)
        if c.run(["quiz"]).returncode != 2:
            c.fail("no arguments", "expected the usage and exit status 2")

    for f in c.failures:
        print("FAIL " + f)
    print("%d quiz results validated against %s (%d reports), %d failures"
          % (c.results, os.path.basename(schema_path), len(reports), len(c.failures)))
    return 1 if c.failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
