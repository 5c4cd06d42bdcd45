#!/usr/bin/env python3
"""PyTorch eager reference of workload W1 (docs/model.md §8.5), for same-run speed ratios.

One PPO minibatch update of a recurrent actor and critic exactly as the engine's W1 benchmark
(bench/.../W1Workload) runs it: 64 sequences x 100 steps, observation 16 floats, trunk
Linear(16,64)-tanh-Linear(64,64)-tanh -> GRU(64) x 2 -> Linear(64,21) for the actor and the same
trunk -> Linear(64,1) for the critic; clipped surrogate (clip 0.2) with per-minibatch advantage
normalisation and entropy bonus 0.01, clipped value loss with weight 0.5, one backward pass,
global gradient-norm clip 0.5 over all parameters, one Adam step (lr 2e-3, eps 1e-5).

Two forms of the recurrence, one thread unless --threads says otherwise:
  fused  nn.GRU over the whole sequence (the sequences start at episode starts, so no reset
         inside a sequence: the fastest form PyTorch offers here);
  loop   CleanRL's ppo_atari_lstm.py form: one GRU step per time step with the hidden state
         multiplied by (1 - done), which is what a learner with resets inside sequences needs.

Usage: python3 w1_update.py [--iters 30] [--warmup 5] [--form fused|loop] [--threads 1]
Prints the median and the 10th/90th percentiles in milliseconds, torch's version and its BLAS.
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn

B, T, OBS, H, A = 64, 100, 16, 64, 21


def mapped_blas():
    """The BLAS libraries mapped into this process.

    Debian's torch links the generic libblas.so.3; which BLAS that is depends on the
    alternatives system, so report the library actually mapped rather than torch's build info.
    """
    with open("/proc/self/maps") as f:
        return sorted({l.split()[-1] for l in f if "blas" in l.lower() and "/" in l})


class Net(nn.Module):
    def __init__(self, out, obs=OBS):
        super().__init__()
        self.mlp = nn.Sequential(nn.Linear(obs, H), nn.Tanh(), nn.Linear(H, H), nn.Tanh())
        self.gru = nn.GRU(H, H, num_layers=2)
        self.head = nn.Linear(H, out)

    def forward(self, obs, done, loop):
        x = self.mlp(obs)  # [T, B, H]
        if not loop:
            y, _ = self.gru(x)
        else:
            h = torch.zeros(2, B, H)
            ys = []
            for t in range(T):
                h = h * (1.0 - done[t]).view(1, -1, 1)
                y_t, h = self.gru(x[t:t + 1], h)
                ys.append(y_t)
            y = torch.cat(ys)
        return self.head(y).reshape(T * B, -1)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=30)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--form", choices=["fused", "loop"], default="fused")
    ap.add_argument("--threads", type=int, default=1, help="intra-op threads (torch.set_num_threads)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    actor, critic = Net(A), Net(1)
    params = list(actor.parameters()) + list(critic.parameters())
    opt = torch.optim.Adam(params, lr=2e-3, eps=1e-5)
    obs = torch.randn(T, B, OBS)
    done = torch.zeros(T, B)
    done[0] = 1.0
    actions = torch.randint(0, A, (T * B,))
    old_logp = torch.full((T * B,), -torch.log(torch.tensor(float(A))).item()) + 0.1 * torch.randn(T * B)
    adv = torch.randn(T * B)
    ret = torch.randn(T * B)
    old_v = 0.1 * torch.randn(T * B)
    loop = args.form == "loop"

    def update():
        logits = actor(obs, done, loop)
        v = critic(obs, done, loop).view(-1)
        logp_all = torch.log_softmax(logits, dim=-1)
        logp = logp_all.gather(1, actions.view(-1, 1)).view(-1)
        ratio = torch.exp(logp - old_logp)
        a = (adv - adv.mean()) / (adv.std() + 1e-8)
        pg = torch.max(-a * ratio, -a * torch.clamp(ratio, 0.8, 1.2)).mean()
        ent = -(logp_all.exp() * logp_all).sum(-1).mean()
        v_clip = old_v + torch.clamp(v - old_v, -0.2, 0.2)
        vl = 0.5 * torch.max((v - ret) ** 2, (v_clip - ret) ** 2).mean()
        loss = pg - 0.01 * ent + 0.5 * vl
        opt.zero_grad()
        loss.backward()
        nn.utils.clip_grad_norm_(params, 0.5)
        opt.step()
        return loss.item()

    for _ in range(args.warmup):
        update()
    ms = []
    for _ in range(args.iters):
        t0 = time.perf_counter()
        update()
        ms.append((time.perf_counter() - t0) * 1e3)
    ms.sort()
    q = statistics.quantiles(ms, n=10)
    blas = mapped_blas()
    print(f"torch {torch.__version__} threads={torch.get_num_threads()} form={args.form} W1 median {statistics.median(ms):.2f} ms "
          f"(p10 {q[0]:.2f}, p90 {q[-1]:.2f}, {len(ms)} updates); BLAS {', '.join(blas) or 'none mapped'}")


if __name__ == "__main__":
    main()
