#!/usr/bin/env python3
"""Attributes JFR execution samples to named phases (docs/performance.md, "Reading a rollout profile").

Input: the JSON that `jfr print --json --events jdk.ExecutionSample --stack-depth 64 X.jfr` writes
(one file per column, e.g. one per copy count), and a phase map (JSON):

    {"scope": "RolloutCollector.collect",
     "other": "bookkeeping",
     "phases": [{"name": "policy forward", "frames": ["RecurrentNet.forward"]},
                {"name": "demand draw", "frames": ["LostSalesBatch.drawDemand", "Rng.poisson"]}]}

Only samples with a `scope` frame on their stack count (the denominator of the shares). A sample
goes to the phase of the innermost (closest to the leaf) frame that some phase lists; one matching
no listed frame goes to `other`. A frame pattern is `Class.method` (simple class name), `Class`
(any method of it) or a fully qualified prefix such as `org.retailrl.nn.`. Innermost-first means a
specific frame (a sampler under the environment step) wins over a general one (the step itself), so
list the general frame as its own phase to catch the rest of it.

Options: --explore N prints the N frames found on most in-scope stacks (inclusive counts), to write
or check a phase map; --leaves N prints each phase's N most frequent leaf frames.
Only the Python standard library is used.
"""
import argparse
import collections
import json
import sys


def frame_names(frame):
    method = frame["method"]
    qualified = method["type"]["name"].replace("/", ".")
    simple = qualified.rsplit(".", 1)[-1]
    return qualified, simple, method["name"]


def matches(pattern, qualified, simple, method):
    if pattern.endswith("."):
        return qualified.startswith(pattern)
    if "." in pattern:
        cls, _, name = pattern.rpartition(".")
        return name == method and (cls == simple or cls == qualified)
    return pattern == simple or pattern == qualified


def load_samples(path):
    with open(path, encoding="utf-8") as f:
        try:
            events = json.load(f)["recording"]["events"]
        except (ValueError, KeyError, TypeError):
            sys.exit("%s: not the output of `jfr print --json` (no recording.events)" % path)
    samples = []
    truncated = 0
    for e in events:
        if e["type"] != "jdk.ExecutionSample":
            continue
        trace = e["values"].get("stackTrace")
        if not trace:
            continue
        truncated += bool(trace.get("truncated"))
        samples.append([frame_names(fr) for fr in trace["frames"]])  # leaf first
    return samples, truncated


def attribute(samples, phase_map):
    scope = phase_map["scope"]
    other = phase_map.get("other", "other")
    phases = phase_map["phases"]
    counts = collections.Counter()
    leaves = collections.defaultdict(collections.Counter)
    inside = []
    for stack in samples:
        if not any(matches(scope, *fr) for fr in stack):
            continue
        inside.append(stack)
        phase = other
        for fr in stack:
            hit = next((p["name"] for p in phases if any(matches(pat, *fr) for pat in p["frames"])), None)
            if hit is not None:
                phase = hit
                break
        counts[phase] += 1
        leaves[phase][stack[0][1] + "." + stack[0][2]] += 1
    return inside, counts, leaves


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("phase_map", help="phase map JSON (see the module docstring)")
    ap.add_argument("recordings", nargs="+", help="outputs of jfr print --json, one per column")
    ap.add_argument("--explore", type=int, default=0, metavar="N")
    ap.add_argument("--leaves", type=int, default=0, metavar="N")
    args = ap.parse_args()
    with open(args.phase_map, encoding="utf-8") as f:
        phase_map = json.load(f)
    if not isinstance(phase_map.get("scope"), str) or not phase_map["scope"]:
        sys.exit("%s: 'scope' must be a frame pattern such as \"RolloutCollector.collect\"" % args.phase_map)
    if not isinstance(phase_map.get("phases"), list):
        sys.exit("%s: 'phases' must be a list of {\"name\": ..., \"frames\": [...]}" % args.phase_map)
    for i, p in enumerate(phase_map["phases"]):
        if not isinstance(p, dict) or not isinstance(p.get("name"), str) \
                or not isinstance(p.get("frames"), list) or not all(isinstance(f, str) and f for f in p["frames"]):
            sys.exit("%s: phases[%d] must have a string 'name' and 'frames', a list of non-empty frame patterns"
                     % (args.phase_map, i))
    names = [p["name"] for p in phase_map["phases"]] + [phase_map.get("other", "other")]
    columns = []
    for path in args.recordings:
        samples, truncated = load_samples(path)
        inside, counts, leaves = attribute(samples, phase_map)
        columns.append((path, samples, truncated, inside, counts, leaves))

    print("| phase | " + " | ".join(c[0] for c in columns) + " |")
    print("|---" * (len(columns) + 1) + "|")
    for name in names:
        cells = []
        for _, _, _, inside, counts, _ in columns:
            cells.append("%.1f%%" % (100.0 * counts[name] / len(inside)) if inside else "-")
        print("| " + name + " | " + " | ".join(cells) + " |")
    for path, samples, truncated, inside, _, _ in columns:
        print("%s: %d samples, %d inside scope, %d truncated stacks" % (path, len(samples), len(inside), truncated))

    for path, _, _, inside, counts, leaves in columns:
        if args.leaves:
            print("\n%s, leaf frames per phase:" % path)
            for name in names:
                if counts[name]:
                    top = ", ".join("%s %.1f%%" % (leaf, 100.0 * n / len(inside))
                                    for leaf, n in leaves[name].most_common(args.leaves))
                    print("  %s: %s" % (name, top))
        if args.explore:
            inclusive = collections.Counter()
            for stack in inside:
                inclusive.update({fr[1] + "." + fr[2] for fr in stack})
            print("\n%s, frames on most in-scope stacks:" % path)
            for frame, n in inclusive.most_common(args.explore):
                print("  %5.1f%%  %s" % (100.0 * n / len(inside), frame))


if __name__ == "__main__":
    main()
