#!/usr/bin/env python3
"""The spreadsheet-grade alternative an analyst would otherwise write: the
pro-rata allocation of RULES.md section 3 (base grant, weights by FTE, caps
at the need, largest-remainder rounding to whole kroner) in plain Python
with exact fractions. bench/run.sh times it beside dekom on the same inputs
and checks that the amounts agree. Written for the comparison, not for use.

  baseline.py allocate NETWORKS.csv PLAN.json      amounts, one per line
  baseline.py montecarlo NETWORKS.csv PLAN.json RUNS [SEED]
      RUNS runs drawing each need ~ N(need, 5 %) and the frame ~ U(min, max)
      as bench/run.sh's Monte Carlo file does; prints the mean amounts
"""
import csv
import json
import random
import sys
from fractions import Fraction


def read_networks(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    fte = [round(Fraction(r["fte"]) * 100) for r in rows]  # hundredths
    need = [int(r["need"]) for r in rows]
    return fte, need


def allocate(frame, base, fte, need, cap):
    """Water-filling: x_i = min(base + lam * w_i, need_i); the smallest lam
    with sum x = frame; then whole kroner by largest remainder."""
    n = len(fte)
    hi = [need[i] if cap else None for i in range(n)]
    lo = [min(0, hi[i]) if hi[i] is not None else 0 for i in range(n)]
    if sum(min(base, h) if h is not None else base for h in hi) > frame:
        return None  # infeasible: the bases alone exceed the frame

    def x(i, lam):
        v = base + lam * fte[i] if fte[i] else Fraction(base)
        if hi[i] is not None and v > hi[i]:
            v = Fraction(hi[i])
        return max(v, Fraction(lo[i]))

    points = sorted({Fraction(hi[i] - base, fte[i]) for i in range(n)
                     if fte[i] and hi[i] is not None and hi[i] > base})
    # the first breakpoint where the sum reaches the frame, by bisection
    # (the sum grows with lam); the sum is linear on the piece before it
    a, b = 0, len(points)
    while a < b:
        mid = (a + b) // 2
        if sum(x(i, points[mid]) for i in range(n)) >= frame:
            b = mid
        else:
            a = mid + 1
    left = points[a - 1] if a > 0 else Fraction(0)
    free = [i for i in range(n) if fte[i] and
            (hi[i] is None or base + left * fte[i] < hi[i])]
    is_free = set(free)
    fixed = sum(x(i, left) for i in range(n) if i not in is_free)
    w = sum(fte[i] for i in free)
    if w == 0:
        lam = left  # saturated: everyone at the cap
    else:
        lam = (frame - fixed - base * len(free)) / w
    exact = [x(i, lam) for i in range(n)]
    amount = [int(e) for e in exact]  # floor: exact >= 0
    left_units = int(sum(exact)) - sum(amount)
    order = sorted(range(n), key=lambda i: (-(exact[i] - amount[i]),
                                            -exact[i], i))
    for i in order[:max(left_units, 0)]:
        if exact[i] != amount[i]:
            amount[i] += 1
    return amount


def main():
    mode, nets, plan_path = sys.argv[1], sys.argv[2], sys.argv[3]
    plan = json.load(open(plan_path, encoding="utf-8"))
    frame = plan["frame"]["prorata"]
    alloc = plan["allocation"]
    base = alloc.get("base_grant", 0)
    cap = alloc.get("cap_at_need", False)
    fte, need = read_networks(nets)
    if mode == "allocate":
        a = allocate(frame, base, fte, need, cap)
        sys.stdout.write("none\n" if a is None else "".join(f"{v}\n" for v in a))
        return
    runs = int(sys.argv[4])
    rng = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 1)
    sums = [0] * len(fte)
    got = 0
    for _ in range(runs):
        drawn = [max(0, round(rng.gauss(v, 0.05 * v))) for v in need]
        f = round(rng.uniform(frame * 0.9, frame * 1.1))
        a = allocate(f, base, fte, drawn, cap)
        if a is not None:
            got += 1
            sums = [s + v for s, v in zip(sums, a)]
    for s in sums:
        print(s / got if got else "none")


if __name__ == "__main__":
    main()
