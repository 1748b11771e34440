#!/usr/bin/env python3
"""The frame-level outcome of `scenarios` is what `recommend` says of the
same case: the baseline's unused, UH share and each institution's direct,
UP2 and total equal `recommend -f json`'s frame.unused, totals.uh_share and
institutions[]; a named scenario that changes nothing about the
institutions (a bigger frame, every network capped) gives them the same
totals; and the CSV's frame-level rows hold the JSON's numbers.

usage: outcome.py DEKOM SCENARIOS.json
"""
import csv
import io
import json
import subprocess
import sys

dekom, scen = sys.argv[1], sys.argv[2]


def run(*args):
    p = subprocess.run([dekom] + list(args) + ["--fail-on", "never"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("dekom %s: %s" % (" ".join(args), p.stderr))
    return p.stdout


rec = json.loads(run("recommend", "-f", "json"))
sc = json.loads(run("scenarios", "-s", scen, "-f", "json"))
fails = []
b = sc["baseline"]
if b["unused"] != rec["frame"]["unused"]:
    fails.append("baseline unused %s, recommend %s" % (b["unused"], rec["frame"]["unused"]))
if b["uh_share"] != rec["totals"]["uh_share"]:
    fails.append("baseline uh_share %s, recommend %s" % (b["uh_share"], rec["totals"]["uh_share"]))
if b["institutions"] != rec["institutions"]:
    fails.append("baseline institutions %s, recommend %s" % (b["institutions"], rec["institutions"]))
for case in sc["scenarios"] + sc.get("sweep", {}).get("points", []):
    for i in case["institutions"]:
        if case["produced"] and i["total"] != i["direct"] + i["up2"]:
            fails.append("%s: %s total" % (case["name"], i["id"]))
rows = list(csv.DictReader(io.StringIO(run("scenarios", "-s", scen, "-f", "csv"))))
for case in sc["scenarios"]:
    got = {r["outcome"]: r for r in rows if r["case"] == case["name"] and r["outcome"]}
    want = {"unused": case["unused"], "errors": case["findings"]["error"],
            "warnings": case["findings"]["warning"], "info": case["findings"]["info"]}
    for i in case["institutions"]:
        want["total:" + i["id"]] = i["total"]
    for k, v in want.items():
        if k not in got or int(got[k]["amount"]) != v:
            fails.append("%s: the CSV's %s is not the JSON's %s" % (case["name"], k, v))
    if float(got["uh_share"]["amount"]) != case["uh_share"]:
        fails.append("%s: uh_share" % case["name"])
mc = sc.get("montecarlo")
if mc:
    for s in [mc["unused"]] + mc["institutions"]:
        if not (s["p5"] <= s["p25"] <= s["p50"] <= s["p75"] <= s["p95"]):
            fails.append("Monte Carlo quantiles out of order: %s" % s)
    mcrows = [r for r in rows if r["case"] == "montecarlo" and r["outcome"]]
    if [r["outcome"] for r in mcrows] != ["unused"] + ["total:" + i["id"] for i in mc["institutions"]]:
        fails.append("the CSV's Monte Carlo outcome rows")
for f in fails:
    print(f)
sys.exit(1 if fails else 0)
