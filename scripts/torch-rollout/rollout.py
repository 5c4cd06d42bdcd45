#!/usr/bin/env python3
"""PyTorch eager reference of the pricing rollout (docs/model.md §8.2) for same-run speed ratios.

The loop the engine's RolloutBenchmark (env=pricing) measures, written as a PyTorch user would:
N copies of the pricing simulator of docs/model.md §1, scenario (b), stepped in lockstep for one
episode of T = 100 periods per operation, and at every step, for all copies at once:
  * the observation (the simulator's 9 floats scaled as the engine scales them, then t/T);
  * two FSDA actors (pricing: 21 prices; ordering: 21 order sizes) and the critic, each
    Linear(10,64)-tanh-Linear(64,64)-tanh -> GRU(64) x 2 (one step, hidden state carried) ->
    Linear(64, 21 | 21 | 1), the fsda preset's sizes;
  * a sampled action and its log-probability per actor (torch.distributions.Categorical), the
    critic's value;
  * the environment step (Poisson demand by torch.poisson, lost sales, reference price,
    undercutting competitor), reward scaling by a running scale, and writes of observations,
    actions, log-probabilities, values, rewards and the GRU states at sequence starts (every 25
    steps) into preallocated rollout buffers.
No gradients are recorded (torch.no_grad), as in a rollout. One thread by default.

Usage: python3 rollout.py [--copies 256] [--iters 5] [--warmup 2] [--threads 1]
Prints each iteration's copy-steps per second, the median, torch's version and its BLAS.
"""
import argparse
import os
import statistics
import sys
import time

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path[:0] = [os.path.join(HERE, "..", "numpy-env"), os.path.join(HERE, "..", "torch-w1")]
import env_step as m  # noqa: E402  the scenario (b) constants, shared with the NumPy reference
import w1_update as w1  # noqa: E402  the same network and the BLAS report

OBS, H, T, CHUNK = 10, 64, 100, 25
NP, NQ = len(m.PRICES), m.MAX_ORDER + 1
PRICES = torch.tensor(m.PRICES, dtype=torch.float32)


class Net(w1.Net):
    """The W1 reference's network (MLP -> GRU x 2 -> head, width 64) stepped once per call."""

    def __init__(self, out):
        super().__init__(out, OBS)

    def forward(self, obs, h):
        y, h = self.gru(self.mlp(obs).unsqueeze(0), h)
        return self.head(y[0]), h


class Env:
    def __init__(self, n):
        self.n = n
        self.inv = torch.empty(n)
        self.pipe = torch.empty(m.LEAD, n)
        self.ref = torch.empty(n)
        self.comp = torch.empty(n)
        self.last_p = torch.empty(n)
        self.last_d = torch.empty(n)
        self.last_lost = torch.empty(n)

    def reset(self):
        self.inv.fill_(10)
        self.pipe.zero_()
        self.ref.fill_(30)
        self.comp.fill_(30)
        self.last_p.fill_(30)
        self.last_d.zero_()
        self.last_lost.zero_()
        self.head = 0
        self.t = 0

    def observe(self, out):
        u = 1.0 / m.MAX_ORDER
        ps = 1.0 / m.P_MAX

        def squash(x):
            a = x.abs()
            return torch.where(a <= 1, x, torch.copysign(1 + torch.log(a.clamp_min(1)), x))

        out[:, 0] = squash(self.inv * u)
        out[:, 1] = squash(self.last_lost * u)
        out[:, 2] = squash(self.last_d * u)
        out[:, 3] = self.last_p * ps
        out[:, 4] = self.comp * ps
        out[:, 5] = self.ref * ps
        for k in range(m.LEAD):
            out[:, 6 + k] = squash(self.pipe[(self.head + k) % m.LEAD] * u)
        out[:, 9] = self.t / T

    def step(self, pi, q):
        p = PRICES[pi]
        o = self.comp
        stock = self.inv + self.pipe[self.head]
        self.pipe[self.head] = q
        self.head = (self.head + 1) % m.LEAD
        rank = 1.0 + 0.5 * ((o < p).float() + (o <= p).float())
        z = m.B_CONST + m.B_RANK * rank + m.B_GAP * (p - o) + m.B_AVG * 0.5 * (p + o) + m.B_REF * (p - self.ref)
        d = torch.poisson(m.SCALE * torch.sigmoid(z))
        sales = torch.minimum(d, stock)
        reward = p * sales - m.HOLD * (stock - sales) - m.SHORT * (d - sales) - m.UNIT * q
        self.inv = stock - sales
        self.last_lost = d - sales
        self.last_d = d
        self.last_p = p
        self.ref = m.W * (m.W * self.ref + (1 - m.W) * p) + (1 - m.W) * o
        nxt = p - m.STEP
        self.comp = torch.where(nxt >= m.P_MIN, nxt, torch.full_like(nxt, m.P_MAX))
        self.t += 1
        return reward


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--copies", type=int, default=256)
    ap.add_argument("--iters", type=int, default=5)
    ap.add_argument("--warmup", type=int, default=2)
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(1)
    n = a.copies
    actors = [Net(NP), Net(NQ)]
    critic = Net(1)
    env = Env(n)
    obs_buf = torch.empty(T, n, OBS)
    act_buf = torch.empty(2, T, n, dtype=torch.long)
    lp_buf = torch.empty(2, T, n)
    val_buf = torch.empty(T, n)
    rew_buf = torch.empty(T, n)
    hid_buf = torch.empty(3, T // CHUNK, 2, n, H)
    obs = torch.empty(n, OBS)

    def episode():
        env.reset()
        hs = [torch.zeros(2, n, H) for _ in range(3)]
        ret_scale = 1.0
        for t in range(T):
            env.observe(obs)
            obs_buf[t] = obs
            if t % CHUNK == 0:
                for k in range(3):
                    hid_buf[k, t // CHUNK] = hs[k]
            acts = []
            for k, net in enumerate(actors):
                logits, hs[k] = net(obs, hs[k])
                dist = torch.distributions.Categorical(logits=logits)
                a_k = dist.sample()
                act_buf[k, t] = a_k
                lp_buf[k, t] = dist.log_prob(a_k)
                acts.append(a_k)
            v, hs[2] = critic(obs, hs[2])
            val_buf[t] = v[:, 0]
            r = env.step(acts[0], acts[1].float())
            ret_scale = 0.99 * ret_scale + 0.01 * float(r.abs().mean()) + 1e-8
            rew_buf[t] = r / ret_scale

    rates = []
    with torch.no_grad():
        for it in range(a.warmup + a.iters):
            t0 = time.perf_counter()
            episode()
            el = time.perf_counter() - t0
            rate = T * n / el
            if it >= a.warmup:
                rates.append(rate)
                print(f"iteration {it - a.warmup + 1}: {rate:,.0f} copy-steps/s")
    blas = w1.mapped_blas()
    print(f"median {statistics.median(rates):,.0f} copy-steps/s over {a.iters} episodes of {T} steps, "
          f"{n} copies, {a.threads} thread(s), torch {torch.__version__}; BLAS {', '.join(blas) or 'none mapped'}")

if __name__ == "__main__":
    main()
