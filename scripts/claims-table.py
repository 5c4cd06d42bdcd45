#!/usr/bin/env python3
"""The README's claims table (docs/model.md §8.11): FSDA's and PPO-joint's improvement over the
paper's Myopic and over the strong Myopic* averaged over the groups in which Zheng, Li, Jiang and
Peng report theirs (backlog cases, lost-sales cases, no fixed cost, fixed cost), from the
seeds.csv of four `retail compare` folders. Per training seed s the group value is the mean over
the group's scenarios of 100*(learner_s - baseline_s)/baseline_s (the heuristic fitted with the
same seed); the interval is a 95% t-interval across seeds.

usage: scripts/claims-table.py A_DIR B_DIR C_DIR D_DIR      (the folders of scenarios a, b, c, d)
"""
import csv
import math
import sys

# two-sided 95% Student-t quantiles by degrees of freedom
T95 = {1: 12.706, 2: 4.303, 3: 3.182, 4: 2.776, 5: 2.571, 6: 2.447, 7: 2.365, 8: 2.306, 9: 2.262}

PAPER = {"backlog (a, c)": 40.37, "lost sales (b, d)": 27.78, "no fixed cost (a, b)": 30.90,
         "fixed cost (c, d)": 37.25}
GROUPS = {"backlog (a, c)": "ac", "lost sales (b, d)": "bd", "no fixed cost (a, b)": "ab",
          "fixed cost (c, d)": "cd"}


def seed_means(folder):
    out = {}
    with open(folder + "/seeds.csv", newline="") as f:
        for row in csv.DictReader(f):
            if row["kind"] == "policy":
                out[row["policy"]] = [float(x) for x in row["seed_means"].split(";")]
    return out


def interval(xs):
    n = len(xs)
    m = sum(xs) / n
    if n < 2:
        return m, float("nan")
    sd = math.sqrt(sum((x - m) ** 2 for x in xs) / (n - 1))
    return m, T95[n - 1] * sd / math.sqrt(n)


def main(dirs):
    if len(dirs) != 4:
        sys.exit(__doc__)
    runs = dict(zip("abcd", (seed_means(d) for d in dirs)))
    pairs = [("FSDA", "Myopic"), ("FSDA", "Myopic*"), ("PPO-joint", "Myopic"), ("PPO-joint", "Myopic*"),
             ("FSDA", "PPO-joint")]
    print("| group | paper: FSDA vs Myopic | " + " | ".join(f"{x} vs {y}" for x, y in pairs) + " |")
    print("|---|---|" + "---|" * len(pairs))
    for name, scen in GROUPS.items():
        cells = []
        for x, y in pairs:
            n = len(runs[scen[0]][x])
            per_seed = []
            for s in range(n):
                per_seed.append(sum(100 * (runs[c][x][s] - runs[c][y][s]) / abs(runs[c][y][s]) for c in scen) / len(scen))
            m, hw = interval(per_seed)
            cells.append(f"{m:+.1f} ± {hw:.1f}%")
        print(f"| {name} | +{PAPER[name]:.2f}% | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
