#!/usr/bin/env python3
"""A case file's combined recommendation against its parts.

usage: check_cases.py DEKOM CASE.json       the case as it is
       check_cases.py DEKOM --generated N   N generated cases (seeded)

For each case: `recommend -c CASE -f json` must hold, per scheme, exactly
what `recommend -n … -p …` (or `-i`) of that scheme's inputs prints alone
(paths and checksums aside, and but for the part's "scheme" and "name"),
and its summary must be the sums of the parts: per institution its direct
transfer and UP2 per scheme and in total, per network (by name, case
folded) its amount per scheme and in total, and the totals per scheme and
in all. The generated cases have 2 or 3 schemes with random networks
(some names shared between schemes, in other letter cases), methods,
frames, direct splits and rounding units.
"""
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile


def strip(x):
    """Drops input paths and checksums, which differ between the runs."""
    if isinstance(x, dict):
        return {k: strip(v) for k, v in x.items() if k not in ("path", "sha256")}
    if isinstance(x, list):
        return [strip(v) for v in x]
    return x


def run(dekom, args):
    p = subprocess.run([dekom] + args + ["-f", "json", "--fail-on", "never"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        raise SystemExit("dekom %s: exit %d\n%s" % (" ".join(args), p.returncode, p.stderr))
    return json.loads(p.stdout)


def check(dekom, case_path):
    case = json.load(open(case_path, encoding="utf-8"))
    here = os.path.dirname(case_path)
    out = run(dekom, ["recommend", "-c", case_path])
    fails = []
    parts = out["schemes"]
    if [p["scheme"] for p in parts] != [s["id"] for s in case["schemes"]]:
        fails.append("the parts are not the schemes in order")
    for s, part in zip(case["schemes"], parts):
        args = ["recommend"]
        if "input" in s:
            args += ["-i", os.path.join(here, s["input"])]
        else:
            args += ["-n", os.path.join(here, s["networks"]), "-p", os.path.join(here, s["plan"])]
            if "columns" in s:
                args += ["--columns", os.path.join(here, s["columns"])]
        alone = run(dekom, args)
        mine = {k: v for k, v in part.items() if k not in ("scheme", "name")}
        if strip(mine) != strip(alone):
            fails.append("scheme %s: its part differs from its recommendation alone" % s["id"])
    summ = out["summary"]
    # institutions: per scheme as in the part, in all the sum
    for inst in summ["institutions"]:
        d = u = 0
        for e in inst["schemes"]:
            part = parts[[p["scheme"] for p in parts].index(e["scheme"])]
            mine = [i for i in part["institutions"] if i["id"].casefold() == inst["id"].casefold()]
            if len(mine) != 1 or mine[0]["direct"] != e["direct"] or mine[0]["up2"] != e["up2"]:
                fails.append("institution %s, scheme %s: not the part's" % (inst["id"], e["scheme"]))
            if e["total"] != e["direct"] + e["up2"]:
                fails.append("institution %s, scheme %s: total" % (inst["id"], e["scheme"]))
            d += e["direct"]
            u += e["up2"]
        if (inst["direct"], inst["up2"], inst["total"]) != (d, u, d + u):
            fails.append("institution %s: the totals are not the sums" % inst["id"])
    every = {(p["scheme"], i["id"].casefold()) for p in parts for i in p["institutions"]}
    listed = {(e["scheme"], i["id"].casefold()) for i in summ["institutions"] for e in i["schemes"]}
    if every != listed:
        fails.append("the institutions of the summary are not those of the parts")
    # networks: matched by name, case folded
    amounts = {}
    for p in parts:
        for n in p["networks"]:
            amounts.setdefault(n["network"].casefold(), {})[p["scheme"]] = n["recommended"]
    if len(summ["networks"]) != len(amounts):
        fails.append("%d networks in the summary, %d in the parts"
                     % (len(summ["networks"]), len(amounts)))
    for net in summ["networks"]:
        want = amounts.get(net["network"].casefold(), {})
        got = {e["scheme"]: e["recommended"] for e in net["schemes"]}
        if got != want or net["total"] != sum(want.values()):
            fails.append("network %s: %s, total %s; the parts: %s"
                         % (net["network"], got, net["total"], want))
    # totals
    t = summ["totals"]
    for p, e in zip(parts, t["schemes"]):
        r = sum(n["recommended"] for n in p["networks"])
        up2 = sum(i["up2"] for i in p["institutions"])
        if (e["recommended"], e["direct"], e["up2"], e["unused"]) != \
                (r, p["frame"]["direct"], up2, p["frame"]["unused"]):
            fails.append("totals of scheme %s" % p["scheme"])
        if e["uh_share"] != p["totals"]["uh_share"]:
            fails.append("scheme %s: uh_share %s, its part's %s"
                         % (p["scheme"], e["uh_share"], p["totals"]["uh_share"]))
        for sev in ("error", "warning", "info"):
            if e["findings"][sev] != sum(1 for f in p["findings"] if f["severity"] == sev):
                fails.append("scheme %s: %s findings" % (p["scheme"], sev))
    for key in ("recommended", "direct", "up2", "unused"):
        if t[key] != sum(e[key] for e in t["schemes"]):
            fails.append("total %s is not the sum of the schemes'" % key)
    # the long CSV holds the summary's numbers
    p = subprocess.run([dekom, "recommend", "-c", case_path, "-f", "csv", "--fail-on", "never"],
                       capture_output=True, text=True)
    rows = list(csv.DictReader(io.StringIO(p.stdout)))
    for inst in summ["institutions"]:
        for e in inst["schemes"] + [dict(inst, scheme="")]:
            r = [x for x in rows if x["kind"] == "institution" and x["name"] == inst["id"]
                 and x["scheme"] == e["scheme"]]
            if len(r) != 1 or (int(r[0]["direct"]), int(r[0]["up2"]), int(r[0]["total"])) != \
                    (e["direct"], e["up2"], e["total"]):
                fails.append("CSV: institution %s, scheme %r" % (inst["id"], e["scheme"]))
    for net in summ["networks"]:
        r = [x for x in rows if x["kind"] == "network" and x["name"] == net["network"]
             and x["scheme"] == ""]
        if len(r) != 1 or int(r[0]["total"]) != net["total"]:
            fails.append("CSV: network %s" % net["network"])
    r = [x for x in rows if x["kind"] == "scheme" and x["scheme"] == ""]
    if len(r) != 1 or int(r[0]["recommended"]) != t["recommended"] or \
            float(r[0]["uh_share"]) != t["uh_share"]:
        fails.append("CSV: the schemes in all")
    return fails


NAMES = ["Fosen", "Innherred", "Namdal", "Orkdal", "Gauldal", "Værnes", "Hitra",
         "Frøya", "Stjørdal", "Levanger", "Verdal", "Steinkjer", "Røros", "Oppdal"]


def generate(rng, folder, index):
    schemes = []
    for k in range(rng.choice([2, 3])):
        insts = ["NTNU", "Nord"] if rng.random() < 0.7 else ["NTNU", "Nord", "UiT"]
        names = rng.sample(NAMES, rng.randint(2, 9))
        # a name shared with another scheme, written in another case
        names = [n.upper() if k and rng.random() < 0.3 else n for n in names]
        rows = ["network;previous;fte;need;own;coordinator;%s;uh_other" % ";".join(insts)]
        for n in names:
            need = rng.randrange(100, 4000) * 1000
            own = rng.randrange(0, need // 3 + 1)
            coord = rng.randrange(0, (need - own) // 4 + 1)
            uh = [rng.randrange(0, (need - own - coord) // len(insts) + 1) for _ in insts]
            other = need - own - coord - sum(uh)
            prev = rng.randrange(50, 3500) * 1000
            fte = "%d.%02d" % (rng.randrange(20, 900), rng.randrange(100))
            rows.append(";".join([n, str(prev), fte, str(need), str(own), str(coord)]
                                 + [str(x) for x in uh] + [str(other)]))
        nets = os.path.join(folder, "c%d-s%d.csv" % (index, k))
        open(nets, "w", encoding="utf-8").write("\n".join(rows) + "\n")
        prorata = rng.randrange(1000, 20000) * 1000
        direct = rng.choice([0, rng.randrange(100, 5000) * 1000])
        split = rng.choice(["equal", "amounts", "shares"])
        d = {"amount": direct, "split": split}
        if split == "amounts":
            a = [rng.randrange(0, direct + 1)]
            a.append(direct - a[0])
            a += [0] * (len(insts) - 2)
            d["amounts"] = dict(zip(insts, a))
        if split == "shares":
            d["shares"] = dict(zip(insts, [0.5, 0.5] + [0] * (len(insts) - 2)))
        method = rng.choice(["prorata", "need", "status_quo"])
        plan = {"year": 2023,
                "institutions": [{"id": i} for i in insts],
                "frame": {"prorata": prorata, "direct": d},
                "allocation": {"method": method, "rounding": rng.choice([1, 1, 100, 1000])}}
        if method == "prorata":
            plan["allocation"]["base_grant"] = rng.choice([0, 100000])
        path = os.path.join(folder, "c%d-s%d.json" % (index, k))
        json.dump(plan, open(path, "w", encoding="utf-8"), ensure_ascii=False)
        schemes.append({"id": "s%d" % k, "networks": os.path.basename(nets),
                        "plan": os.path.basename(path)})
    case = os.path.join(folder, "case%d.json" % index)
    json.dump({"schemes": schemes}, open(case, "w", encoding="utf-8"))
    return case


def main():
    dekom = sys.argv[1]
    fails = []
    if sys.argv[2] == "--generated":
        rng = random.Random(20221130)
        with tempfile.TemporaryDirectory() as folder:
            for i in range(int(sys.argv[3])):
                case = generate(rng, folder, i)
                fails += ["case %d: %s" % (i, f) for f in check(dekom, case)]
    else:
        fails = check(dekom, sys.argv[2])
    for f in fails:
        print(f)
    sys.exit(1 if fails else 0)


main()
