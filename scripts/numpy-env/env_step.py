#!/usr/bin/env python3
"""Vectorised NumPy reference of the batched pricing simulator (docs/model.md §1), scenario (b).

The same model and dynamics as the engine's PricingBatch and its EnvStepBenchmark, so the two
rates compare directly: N copies stepped in lockstep under a uniform random policy whose actions
are drawn before the measurement (a ring of 64 rounds); episodes of T = 100 periods, reset inside
the measurement. One period of every copy:
  1. the order placed L = 3 periods ago arrives (no inventory cap in scenario b);
  2. the firm posts p = prices[i] and orders q; the competitor's o was fixed last period;
  3. demand d ~ Poisson(lambda), lambda = 800 * sigmoid(x . beta) with
     x . beta = (b0 + b_comp) + b_rank * rank + b_gap * (p - o) + b_avg * (p + o) / 2 + b_ref * (p - r),
     rank = 1 + ([o < p] + [o <= p]) / 2;
  4. lost sales: S = min(d, A); reward p S - h (A - S) - b (d - S) - c q; then
     r <- w (w r + (1 - w) p) + (1 - w) o and the undercutting competitor o <- p - 1 (or p_max
     below p_min).
Demand draws use NumPy's Generator.poisson (PCG64), so the draws differ from the engine's
(SplitMix64 streams, CDF inversion) while following the same law.

Usage: python3 env_step.py [--copies 1024] [--seconds 1] [--iters 5] [--warmup 3]
Prints each iteration's copy-steps per second, the median, and NumPy's version.
"""
import argparse
import statistics
import time

import numpy as np

PRICES = np.arange(10.0, 51.0, 2.0)  # 21 prices
MAX_ORDER, LEAD, T = 20, 3, 100
UNIT, HOLD, SHORT = 10.0, 1.0, 5.0
SCALE = 800.0 * 1.0
B_CONST, B_RANK, B_GAP, B_AVG, B_REF = -3.89 + 0.07, -0.56, -0.01, -0.03, -0.01
W, STEP, P_MIN, P_MAX = 0.9, 1.0, 10.0, 50.0
ROUNDS = 64


class Batch:
    def __init__(self, n, seed):
        self.n = n
        self.rng = np.random.default_rng(seed)
        self.inv = np.empty(n, np.int64)
        self.pipe = np.empty((LEAD, n), np.int64)
        self.ref = np.empty(n)
        self.comp = np.empty(n)
        self.reward = np.empty(n)
        self.reset()

    def reset(self):
        self.inv.fill(10)
        self.pipe.fill(0)
        self.ref.fill(30.0)
        self.comp.fill(30.0)
        self.head = 0
        self.t = 0

    def step(self, pi, q):
        p = PRICES[pi]
        o = self.comp
        stock = self.inv + self.pipe[self.head]
        self.pipe[self.head] = q
        self.head = (self.head + 1) % LEAD
        rank = 1.0 + 0.5 * ((o < p).astype(np.float64) + (o <= p))
        z = B_CONST + B_RANK * rank + B_GAP * (p - o) + B_AVG * 0.5 * (p + o) + B_REF * (p - self.ref)
        lam = SCALE / (1.0 + np.exp(-z))
        d = self.rng.poisson(lam)
        sales = np.minimum(d, stock)
        np.subtract(p * sales - HOLD * (stock - sales) - SHORT * (d - sales), UNIT * q, out=self.reward)
        self.inv = stock - sales
        self.ref = W * (W * self.ref + (1 - W) * p) + (1 - W) * o
        nxt = p - STEP
        self.comp = np.where(nxt >= P_MIN, nxt, P_MAX)
        self.t += 1
        return self.reward


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=1024)
    ap.add_argument("--seconds", type=float, default=1.0)
    ap.add_argument("--iters", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=3)
    a = ap.parse_args()
    n = a.copies
    policy = np.random.default_rng(12345)
    pis = policy.integers(0, len(PRICES), (ROUNDS, n))
    qs = policy.integers(0, MAX_ORDER + 1, (ROUNDS, n))
    batch = Batch(n, 1)
    k = 0
    rates = []
    for it in range(a.warmup + a.iters):
        steps = 0
        t0 = time.perf_counter()
        while True:
            for _ in range(50):
                if batch.t == T:
                    batch.reset()
                batch.step(pis[k], qs[k])
                k = (k + 1) % ROUNDS
            steps += 50
            el = time.perf_counter() - t0
            if el >= a.seconds:
                break
        rate = steps * n / el
        if it >= a.warmup:
            rates.append(rate)
            print(f"iteration {it - a.warmup + 1}: {rate / 1e6:.3f} M copy-steps/s")
    print(f"median {statistics.median(rates) / 1e6:.3f} M copy-steps/s over {a.iters} iterations, "
          f"{n} copies, numpy {np.__version__}")


if __name__ == "__main__":
    main()
