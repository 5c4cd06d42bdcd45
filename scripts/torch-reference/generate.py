#!/usr/bin/env python3
"""Writes the PyTorch reference fixtures the engine's differential tests compare against.

Run by hand from the repository root (see docs/torch-reference.md):

    python3 scripts/torch-reference/generate.py

Every case draws its inputs and weights in float32 from a fixed seed, computes outputs and
gradients with PyTorch (layers and losses in float64 from those float32 values, so the reference
carries no float32 rounding of its own; the optimisers in float32 with torch.optim itself, because
their float32 arithmetic is the definition being matched) and writes one RRTF file per case:

    offset  size  field
    0       4     magic, the ASCII bytes "RRTF"
    4       4     int32 format version (= 1)
    8       4     int32 entry count E
    then E entries:
            4     int32 name length L in bytes
            L     name, UTF-8
            4     int32 dtype: 1 float32, 2 float64, 3 int32, 4 UTF-8 text
            4     int32 rank R
            4*R   int32 dimensions (text: R = 1, the byte length)
            ...   values, row-major (4 bytes each; 8 for float64; 1 for text)
    end     4     uint32 CRC-32 (zlib's) of every preceding byte
All integers and floats are little-endian. The same seed and PyTorch version give the same bytes.
"""

import math
import os
import platform
import struct
import sys
import zlib

import torch
import torch.nn.functional as F

FORMAT_VERSION = 1
GENERATOR = "scripts/torch-reference/generate.py 1"
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
NN_DIR = os.path.join(ROOT, "nn/src/test/resources/org/retailrl/nn/torchref")
ALG_DIR = os.path.join(ROOT, "algorithms/src/test/resources/org/retailrl/algorithms/rl")

F32, F64, I32, TEXT = 1, 2, 3, 4


class Fixture:
    """Named arrays in insertion order, encoded as RRTF."""

    def __init__(self, case):
        self.entries = []
        self.text("case", case)
        self.text("generator", "%s; torch %s; python %s; %s" % (
            GENERATOR, torch.__version__, platform.python_version(), platform.machine()))

    def _add(self, name, dtype, shape, payload):
        if any(e[0] == name for e in self.entries):
            raise ValueError("duplicate entry " + name)
        self.entries.append((name, dtype, list(shape), payload))

    def f32(self, name, t):
        t = torch.as_tensor(t).detach().to(torch.float32).contiguous()
        self._add(name, F32, t.shape, struct.pack("<%df" % t.numel(), *t.flatten().tolist()))

    def f64(self, name, t):
        t = torch.as_tensor(t, dtype=torch.float64).detach().contiguous()
        self._add(name, F64, t.shape, struct.pack("<%dd" % t.numel(), *t.flatten().tolist()))

    def scalar(self, name, v):
        self.f64(name, torch.tensor(float(v), dtype=torch.float64))

    def i32(self, name, t):
        t = torch.as_tensor(t).detach().to(torch.int64).contiguous()
        self._add(name, I32, t.shape, struct.pack("<%di" % t.numel(), *t.flatten().tolist()))

    def text(self, name, s):
        b = s.encode("utf-8")
        self._add(name, TEXT, [len(b)], b)

    def write(self, directory, filename):
        out = bytearray(b"RRTF")
        out += struct.pack("<ii", FORMAT_VERSION, len(self.entries))
        for name, dtype, shape, payload in self.entries:
            nb = name.encode("utf-8")
            out += struct.pack("<i", len(nb)) + nb
            out += struct.pack("<ii", dtype, len(shape))
            out += struct.pack("<%di" % len(shape), *shape)
            out += payload
        out += struct.pack("<I", zlib.crc32(bytes(out)) & 0xFFFFFFFF)
        os.makedirs(directory, exist_ok=True)
        path = os.path.join(directory, filename)
        tmp = path + ".tmp"
        with open(tmp, "wb") as f:
            f.write(out)
        os.replace(tmp, path)
        print("%-60s %7d bytes" % (os.path.relpath(path, ROOT), len(out)))
        return len(out)


def gen(seed):
    return torch.Generator().manual_seed(seed)


def randn(g, *shape, scale=1.0):
    """Float32 normal draws (the values the engine receives)."""
    return (torch.randn(*shape, generator=g, dtype=torch.float64) * scale).to(torch.float32)


def leaf(t):
    """A float64 copy of float32 values that takes gradients."""
    return t.to(torch.float64).clone().requires_grad_(True)


def log_uniform_grads(g, shape):
    """Gradients whose magnitudes span 1e-8 .. 1e3 (log-uniform), random signs, in float32."""
    exponent = torch.rand(*shape, generator=g, dtype=torch.float64) * 11.0 - 8.0
    sign = torch.where(torch.rand(*shape, generator=g, dtype=torch.float64) < 0.5, -1.0, 1.0)
    return (sign * torch.pow(10.0, exponent)).to(torch.float32)


# ---------------------------------------------------------------------------------------------
# nn layers


def layer_case(name, x, params, dy, forward, scalars=()):
    """A one-input layer: stores the scalars, x, the named float32 parameters and the upstream
    gradient dy, runs forward(x, {name: parameter}) in float64 and stores y, dx and grad.<name>."""
    f = Fixture(name)
    for key, value in scalars:
        f.scalar(key, value)
    f.f32("x", x)
    leaves = {}
    for pname, value in params:
        f.f32(pname, value)
        leaves[pname] = leaf(value)
    f.f32("dy", dy)
    xl = leaf(x)
    y = forward(xl, leaves)
    y.backward(dy.to(torch.float64))
    f.f32("y", y)
    f.f32("dx", xl.grad)
    for pname, p in leaves.items():
        f.f32("grad." + pname, p.grad)
    return f


def case_linear():
    g = gen(101)
    rows, n_in, n_out = 13, 23, 37
    x = randn(g, rows, n_in)
    params = [("lin.weight", randn(g, n_out, n_in, scale=0.3)), ("lin.bias", randn(g, n_out, scale=0.1))]
    dy = randn(g, rows, n_out)
    return layer_case("linear", x, params, dy, lambda xl, p: F.linear(xl, p["lin.weight"], p["lin.bias"]))


def case_mlp_tanh():
    g = gen(102)
    widths = [11, 32, 17, 5]
    batch = 9
    x = randn(g, batch, widths[0])
    params = []
    for i in range(len(widths) - 1):
        params.append(("mlp.%d.weight" % i, randn(g, widths[i + 1], widths[i], scale=1.0 / math.sqrt(widths[i]))))
        params.append(("mlp.%d.bias" % i, randn(g, widths[i + 1], scale=0.2)))
    dy = randn(g, batch, widths[-1])

    def forward(h, p):
        layers = len(widths) - 1
        for i in range(layers):
            h = F.linear(h, p["mlp.%d.weight" % i], p["mlp.%d.bias" % i])
            if i + 1 < layers:
                h = torch.tanh(h)
        return h

    return layer_case("mlp_tanh", x, params, dy, forward)


def case_gru(name, seed, batch, steps, n_in, hidden, layers, with_h0):
    """A stacked GRU of torch.nn.GRUCell layers (gate order r, z, n; b_hn inside r ⊙ (·)),
    with the hidden state entering step t of sequence b multiplied by (1 − reset[b, t]): a reset
    zeroes it and cuts its gradient, the engine's definition."""
    g = gen(seed)
    x = randn(g, batch, steps, n_in)
    reset = (torch.rand(batch, steps, generator=g) < 0.25).to(torch.float32)
    reset[0, 1] = 1.0  # a reset inside a sequence
    reset[1, 0] = 1.0  # a reset at t = 0 (discards the initial state)
    reset[2, :] = 0.0  # a sequence without resets
    reset[3, steps - 1] = 1.0  # a reset at the last step
    f = Fixture(name)
    f.i32("sizes", torch.tensor([batch, steps, n_in, hidden, layers]))
    f.f32("x", x)
    f.f32("reset", reset)
    h0 = randn(g, layers, batch, hidden) if with_h0 else None
    if with_h0:
        f.f32("h0", h0)
    cells = []
    for l in range(layers):
        cell = torch.nn.GRUCell(n_in if l == 0 else hidden, hidden).to(torch.float64)
        bound = 1.0 / math.sqrt(hidden)
        with torch.no_grad():
            for pname, p in [("weight_ih", cell.weight_ih), ("weight_hh", cell.weight_hh),
                             ("bias_ih", cell.bias_ih), ("bias_hh", cell.bias_hh)]:
                v = ((torch.rand(p.shape, generator=g, dtype=torch.float64) * 2 - 1) * bound).to(torch.float32)
                f.f32("gru.%d.%s" % (l, pname), v)
                p.copy_(v.to(torch.float64))
        cells.append(cell)
    d_out = randn(g, batch, steps, hidden)
    d_last = randn(g, layers, batch, hidden)
    f.f32("d_outputs", d_out)
    f.f32("d_last", d_last)

    xl = leaf(x)
    h0l = leaf(h0) if with_h0 else None
    keep = 1.0 - reset.to(torch.float64)
    seq = [xl[:, t] for t in range(steps)]
    last = []
    for l, cell in enumerate(cells):
        h = h0l[l] if with_h0 else torch.zeros(batch, hidden, dtype=torch.float64)
        out = []
        for t in range(steps):
            h = cell(seq[t], h * keep[:, t:t + 1])
            out.append(h)
        seq = out
        last.append(out[-1])
    outputs = torch.stack(seq, dim=1)
    last_hidden = torch.stack(last, dim=0)
    loss = (outputs * d_out.to(torch.float64)).sum() + (last_hidden * d_last.to(torch.float64)).sum()
    loss.backward()
    f.f32("outputs", outputs)
    f.f32("last_hidden", last_hidden)
    f.f32("dx", xl.grad)
    if with_h0:
        f.f32("dh0", h0l.grad)
    for l, cell in enumerate(cells):
        for pname, p in [("weight_ih", cell.weight_ih), ("weight_hh", cell.weight_hh),
                         ("bias_ih", cell.bias_ih), ("bias_hh", cell.bias_hh)]:
            f.f32("grad.gru.%d.%s" % (l, pname), p.grad)
    return f


def case_layernorm():
    g = gen(104)
    rows, width = 11, 37
    eps = 1e-5
    x = randn(g, rows, width, scale=3.0) + 1.5
    params = [("ln.weight", (1.0 + randn(g, width, scale=0.3)).to(torch.float32)),
              ("ln.bias", randn(g, width, scale=0.5))]
    dy = randn(g, rows, width)
    return layer_case("layernorm", x, params, dy,
                      lambda xl, p: F.layer_norm(xl, (width,), p["ln.weight"], p["ln.bias"], eps), [("eps", eps)])


def case_categorical():
    g = gen(105)
    rows, actions = 9, 7
    z = randn(g, rows, actions, scale=2.0)
    z[0] += 80.0  # large logits: must not overflow
    z[1] = -3.25  # a uniform row (maximal entropy)
    z[2, 3] = 25.0  # an almost deterministic row
    d_logp = randn(g, rows, actions)
    d_ent = randn(g, rows)
    zl = leaf(z)
    logp = F.log_softmax(zl, dim=-1)
    (logp * d_logp.to(torch.float64)).sum().backward()
    d_from_logp = zl.grad.clone()
    zl.grad = None
    logp = F.log_softmax(zl, dim=-1)
    ent = -(logp.exp() * logp).sum(-1)
    (ent * d_ent.to(torch.float64)).sum().backward()
    f = Fixture("categorical")
    f.f32("logits", z)
    f.f32("d_logp", d_logp)
    f.f32("d_entropy", d_ent)
    with torch.no_grad():
        lp = F.log_softmax(z.to(torch.float64), dim=-1)
        f.f32("logp", lp)
        f.f32("probs", lp.exp())
        f.f32("entropy", -(lp.exp() * lp).sum(-1))
    f.f32("dlogits_from_logp", d_from_logp)
    f.f32("dlogits_from_entropy", zl.grad)
    return f


# ---------------------------------------------------------------------------------------------
# losses: inputs drawn away from the kinks (clip edges, Huber δ, ties of max/min) so that float32
# rounding in the engine cannot switch a branch and the comparison tests the formulas only


def ratios_away_from_clip(g, n, clip, margin=1e-3):
    """Log-ratios uniform on (−0.6, 0.6), resampled within `margin` of log(1 ± clip)."""
    out = []
    while len(out) < n:
        r = (torch.rand(1, generator=g, dtype=torch.float64).item() * 2 - 1) * 0.6
        if min(abs(math.exp(r) - (1 - clip)), abs(math.exp(r) - (1 + clip))) > margin:
            out.append(r)
    return torch.tensor(out, dtype=torch.float64)


def categorical_policy_inputs(g, n, a, clip):
    z = randn(g, n, a, scale=1.5)
    actions = torch.randint(0, a, (n,), generator=g)
    with torch.no_grad():
        logp_engine = F.log_softmax(z.to(torch.float64), dim=-1).gather(1, actions[:, None])[:, 0]
    old_logp = (logp_engine - ratios_away_from_clip(g, n, clip)).to(torch.float32)
    adv = randn(g, n, scale=2.0) + 0.3
    return z, actions, old_logp, adv


def normalised(adv, normalise):
    # torch.std divides by N − 1 (unbiased), as the engine.
    return (adv - adv.mean()) / (adv.std() + 1e-8) if normalise else adv


def surrogate(logp, old_logp, adv, clip, weights):
    log_ratio = logp - old_logp
    ratio = torch.exp(log_ratio)
    s1 = ratio * adv
    s2 = torch.clamp(ratio, 1 - clip, 1 + clip) * adv
    pg = -(weights * torch.min(s1, s2)).mean()
    with torch.no_grad():
        kl = ((ratio - 1) - log_ratio).mean()
        clip_frac = ((ratio - 1).abs() > clip).to(torch.float64).mean()
    return pg, kl, clip_frac


def entropy_rows(logp):
    return -(logp.exp() * logp).sum(-1)


def store_policy_results(f, prefix, loss, pg, entropy, kl, clip_frac, dlogits):
    """The loss, its diagnostics and the logits' gradient, as every policy-loss test reads them."""
    f.scalar(prefix + "loss", loss.item())
    f.scalar(prefix + "pg_loss", pg.item())
    f.scalar(prefix + "entropy", entropy.item())
    f.scalar(prefix + "approx_kl", kl.item())
    f.scalar(prefix + "clip_fraction", clip_frac.item())
    f.f32(prefix + "dlogits", dlogits)


# ---------------------------------------------------------------------------------------------
# optimisers and clipping


def case_grad_clip():
    g = gen(107)
    shapes = [(7, 5), (5,), (13,)]
    f = Fixture("grad_clip")
    f.i32("count", torch.tensor([len(shapes)]))
    for variant, max_norm in (("clipped", 0.5), ("unclipped", 1e3)):
        grads = [randn(g, *s, scale=1.5) for s in shapes]
        params = [torch.zeros(s, dtype=torch.float64, requires_grad=True) for s in shapes]
        for p, gr in zip(params, grads):
            p.grad = gr.to(torch.float64).clone()
        norm = torch.nn.utils.clip_grad_norm_(params, max_norm)
        f.scalar("%s.max_norm" % variant, max_norm)
        f.scalar("%s.norm" % variant, norm.item())
        for i, (p, gr) in enumerate(zip(params, grads)):
            f.f32("%s.grad.%d" % (variant, i), gr)
            f.f32("%s.clipped.%d" % (variant, i), p.grad)
    return f


OPT_SHAPES = [(6, 7), (7,), (25,)]
OPT_STEPS = 5


def run_optimiser(f, prefix, make, start, grads):
    params = [s.clone().requires_grad_(True) for s in start]
    opt = make(params)
    for t in range(OPT_STEPS):
        for p, gr in zip(params, grads[t]):
            p.grad = gr.clone()
        opt.step()
        for i, p in enumerate(params):
            f.f32("%s.step%d.param.%d" % (prefix, t + 1, i), p)
    return opt, params


def case_adam():
    """torch.optim.Adam in float32 (its single-tensor path, as on CPU), 5 steps from zero."""
    g = gen(108)
    f = Fixture("adam")
    f.i32("steps", torch.tensor([OPT_STEPS]))
    f.i32("count", torch.tensor([len(OPT_SHAPES)]))
    configs = [("default", 3e-4, 0.9, 0.999, 1e-5), ("fast", 1e-2, 0.8, 0.99, 1e-8)]
    for name, lr, b1, b2, eps in configs:
        grads = [[log_uniform_grads(g, s) for s in OPT_SHAPES] for _ in range(OPT_STEPS)]
        for t in range(OPT_STEPS):
            for i, gr in enumerate(grads[t]):
                f.f32("%s.step%d.grad.%d" % (name, t + 1, i), gr)
        f.f64("%s.config" % name, torch.tensor([lr, b1, b2, eps], dtype=torch.float64))
        start = [torch.zeros(s, dtype=torch.float32) for s in OPT_SHAPES]
        opt, params = run_optimiser(
            f, name, lambda ps: torch.optim.Adam(ps, lr=lr, betas=(b1, b2), eps=eps, foreach=False), start, grads)
        for i, p in enumerate(params):
            st = opt.state[p]
            f.f32("%s.exp_avg.%d" % (name, i), st["exp_avg"])
            f.f32("%s.exp_avg_sq.%d" % (name, i), st["exp_avg_sq"])
    return f


def case_sgd():
    """torch.optim.SGD in float32, plain and with momentum, 5 steps from random weights."""
    g = gen(109)
    f = Fixture("sgd")
    f.i32("steps", torch.tensor([OPT_STEPS]))
    f.i32("count", torch.tensor([len(OPT_SHAPES)]))
    for name, lr, momentum in (("plain", 0.05, 0.0), ("momentum", 0.01, 0.9)):
        start = [randn(g, *s) for s in OPT_SHAPES]
        grads = [[log_uniform_grads(g, s) for s in OPT_SHAPES] for _ in range(OPT_STEPS)]
        for i, s in enumerate(start):
            f.f32("%s.start.%d" % (name, i), s)
        for t in range(OPT_STEPS):
            for i, gr in enumerate(grads[t]):
                f.f32("%s.step%d.grad.%d" % (name, t + 1, i), gr)
        f.f64("%s.config" % name, torch.tensor([lr, momentum], dtype=torch.float64))
        run_optimiser(f, name, lambda ps: torch.optim.SGD(ps, lr=lr, momentum=momentum, foreach=False), start, grads)
    return f


# ---------------------------------------------------------------------------------------------
# algorithms losses (PolicyLoss, ValueLoss, PolicyLoss over several factors, PPO's combination)


def case_policy_loss():
    """rl.PolicyLoss: −mean(w · min(ρÂ, clip(ρ)Â)) − entCoef · mean H, two variants."""
    g = gen(110)
    n, a, clip, ent_coef = 29, 6, 0.2, 0.01
    f = Fixture("policy_loss")
    f.scalar("clip", clip)
    f.scalar("ent_coef", ent_coef)
    for variant, normalise, weighted in (("weighted", True, True), ("raw", False, False)):
        z, actions, old_logp, adv = categorical_policy_inputs(g, n, a, clip)
        weights = (torch.rand(n, generator=g, dtype=torch.float64) * 1.5 + 0.25).to(torch.float32)
        zl = leaf(z)
        logp_all = F.log_softmax(zl, dim=-1)
        logp = logp_all.gather(1, actions[:, None])[:, 0]
        w = weights.to(torch.float64) if weighted else torch.ones(n, dtype=torch.float64)
        pg, kl, clip_frac = surrogate(logp, old_logp.to(torch.float64), normalised(adv.to(torch.float64), normalise),
                                      clip, w)
        entropy = entropy_rows(logp_all).mean()
        loss = pg - ent_coef * entropy
        loss.backward()
        f.i32("%s.flags" % variant, torch.tensor([int(normalise), int(weighted)]))
        f.f32("%s.logits" % variant, z)
        f.i32("%s.actions" % variant, actions)
        f.f32("%s.old_logp" % variant, old_logp)
        f.f32("%s.advantages" % variant, adv)
        if weighted:
            f.f32("%s.weights" % variant, weights)
        store_policy_results(f, variant + ".", loss, pg, entropy, kl, clip_frac, zl.grad)
    return f


def huber(e, delta):
    # HARL's huber_loss: e²/2 inside |e| <= δ, δ(|e| − δ/2) beyond; δ = ∞ is the squared loss.
    if math.isinf(delta):
        return 0.5 * e * e
    a = (e.abs() <= delta).to(e.dtype)
    return a * e * e / 2 + (1 - a) * delta * (e.abs() - delta / 2)


def case_value_loss():
    """rl.ValueLoss: mean(max(ℓ(v − R), ℓ(oldV + clip(v − oldV, ±c) − R))), ℓ Huber or ½e²."""
    g = gen(111)
    n = 33
    f = Fixture("value_loss")
    for variant, clip, delta in (("huber", 0.2, 1.0), ("squared", 0.5, math.inf)):
        ret = randn(g, n, scale=2.0)
        old_v = (ret.to(torch.float64) + 1.5 * torch.randn(n, generator=g, dtype=torch.float64)).to(torch.float32)
        v = []
        for i in range(n):
            while True:
                dv = torch.randn(1, generator=g, dtype=torch.float64).item() * 2.0 * clip
                vi = float(torch.tensor(old_v[i].item() + dv, dtype=torch.float32))
                dv = vi - old_v[i].item()
                e1 = vi - ret[i].item()
                e2 = old_v[i].item() + max(-clip, min(clip, dv)) - ret[i].item()
                l1 = huber(torch.tensor(e1), delta).item()
                l2 = huber(torch.tensor(e2), delta).item()
                ok = abs(abs(dv) - clip) > 1e-3 and (abs(dv) < clip or abs(l1 - l2) > 1e-3)
                if not math.isinf(delta):
                    ok = ok and abs(abs(e1) - delta) > 1e-3 and abs(abs(e2) - delta) > 1e-3
                if ok:
                    v.append(vi)
                    break
        v = torch.tensor(v, dtype=torch.float32)
        vl = leaf(v)
        r64, ov64 = ret.to(torch.float64), old_v.to(torch.float64)
        v_clipped = ov64 + torch.clamp(vl - ov64, -clip, clip)
        loss = torch.max(huber(vl - r64, delta), huber(v_clipped - r64, delta)).mean()
        loss.backward()
        f.f64("%s.config" % variant, torch.tensor([clip, delta], dtype=torch.float64))
        f.f32("%s.values" % variant, v)
        f.f32("%s.returns" % variant, ret)
        f.f32("%s.old_values" % variant, old_v)
        f.scalar("%s.loss" % variant, loss.item())
        f.f32("%s.dvalues" % variant, vl.grad)
    return f


def case_factorised_loss():
    """mtma.FactorisedPolicyLoss: the clipped surrogate of the joint action of independent
    categorical factors, entropy summed over factors."""
    g = gen(112)
    sizes = [3, 5, 2, 4]
    n, clip, ent_coef = 17, 0.2, 0.01
    width = sum(sizes)
    z = randn(g, n, width, scale=1.5)
    actions = torch.stack([torch.randint(0, s, (n,), generator=g) for s in sizes], dim=1)
    offsets = [sum(sizes[:k]) for k in range(len(sizes))]

    def factor_logps(zz):
        return [F.log_softmax(zz[:, o:o + s], dim=-1) for o, s in zip(offsets, sizes)]

    with torch.no_grad():
        lps = factor_logps(z.to(torch.float64))
        joint = sum(lp.gather(1, actions[:, k:k + 1])[:, 0] for k, lp in enumerate(lps))
    old_logp = (joint - ratios_away_from_clip(g, n, clip)).to(torch.float32)
    adv = randn(g, n, scale=2.0) - 0.4
    zl = leaf(z)
    lps = factor_logps(zl)
    logp = sum(lp.gather(1, actions[:, k:k + 1])[:, 0] for k, lp in enumerate(lps))
    ent = sum(entropy_rows(lp) for lp in lps)
    pg, kl, clip_frac = surrogate(logp, old_logp.to(torch.float64), normalised(adv.to(torch.float64), True),
                                  clip, torch.ones(n, dtype=torch.float64))
    entropy = ent.mean()
    loss = pg - ent_coef * entropy
    loss.backward()
    f = Fixture("factorised_loss")
    f.scalar("clip", clip)
    f.scalar("ent_coef", ent_coef)
    f.i32("sizes", torch.tensor(sizes))
    f.f32("logits", z)
    f.i32("actions", actions)
    f.f32("old_logp", old_logp)
    f.f32("advantages", adv)
    store_policy_results(f, "", loss, pg, entropy, kl, clip_frac, zl.grad)
    return f


def case_ppo_loss():
    """CleanRL ppo.py's loss (clipped surrogate, clipped squared value loss, entropy): rl.PolicyLoss +
    vf_coef · rl.ValueLoss, as the learners' ppo update combines them."""
    g = gen(106)
    n, a, clip, ent_coef, vf_coef = 31, 6, 0.2, 0.01, 0.5
    z, actions, old_logp, adv = categorical_policy_inputs(g, n, a, clip)
    ret = randn(g, n, scale=2.0)
    old_v = (ret.to(torch.float64) + torch.randn(n, generator=g, dtype=torch.float64)).to(torch.float32)
    # v − oldV away from ±clip, and the clipped and unclipped errors away from a tie
    v = []
    for i in range(n):
        while True:
            dv = torch.randn(1, generator=g, dtype=torch.float64).item() * 0.4
            vi = float(torch.tensor(old_v[i].item() + dv, dtype=torch.float32))
            dv = vi - old_v[i].item()
            vc = old_v[i].item() + max(-clip, min(clip, dv))
            e1, e2 = (vi - ret[i].item()) ** 2, (vc - ret[i].item()) ** 2
            if abs(abs(dv) - clip) > 1e-3 and (abs(dv) < clip or abs(e1 - e2) > 1e-3):
                v.append(vi)
                break
    v = torch.tensor(v, dtype=torch.float32)
    zl, vl = leaf(z), leaf(v)
    logp_all = F.log_softmax(zl, dim=-1)
    logp = logp_all.gather(1, actions[:, None])[:, 0]
    adv_n = normalised(adv.to(torch.float64), True)
    ratio = torch.exp(logp - old_logp.to(torch.float64))
    pg = torch.max(-adv_n * ratio, -adv_n * torch.clamp(ratio, 1 - clip, 1 + clip)).mean()
    r64, ov64 = ret.to(torch.float64), old_v.to(torch.float64)
    v_clipped = ov64 + torch.clamp(vl - ov64, -clip, clip)
    v_loss = 0.5 * torch.max((vl - r64) ** 2, (v_clipped - r64) ** 2).mean()
    entropy = entropy_rows(logp_all).mean()
    loss = pg - ent_coef * entropy + vf_coef * v_loss
    loss.backward()
    with torch.no_grad():
        log_ratio = logp - old_logp.to(torch.float64)
        kl = ((ratio - 1) - log_ratio).mean()
        clip_frac = ((ratio - 1).abs() > clip).to(torch.float64).mean()
    f = Fixture("ppo_loss")
    f.scalar("clip", clip)
    f.scalar("ent_coef", ent_coef)
    f.scalar("vf_coef", vf_coef)
    f.f32("logits", z)
    f.f32("values", v)
    f.i32("actions", actions)
    f.f32("old_logp", old_logp)
    f.f32("advantages", adv)
    f.f32("returns", ret)
    f.f32("old_values", old_v)
    store_policy_results(f, "", loss, pg, entropy, kl, clip_frac, zl.grad)
    f.scalar("v_loss", v_loss.item())
    f.f32("dvalues", vl.grad)
    return f


def main():
    torch.set_num_threads(1)
    print("torch %s, python %s, %s" % (torch.__version__, platform.python_version(), platform.machine()))
    total = 0
    total += case_linear().write(NN_DIR, "linear.rrtf")
    total += case_mlp_tanh().write(NN_DIR, "mlp_tanh.rrtf")
    total += case_gru("gru", 103, batch=6, steps=5, n_in=7, hidden=13, layers=2, with_h0=True).write(NN_DIR, "gru.rrtf")
    # 37·8 = 296 rows: more than the engine's 256-row blocks, so its blocked backward runs twice.
    total += case_gru("gru_blocks", 113, batch=37, steps=8, n_in=3, hidden=5, layers=1, with_h0=False).write(
        NN_DIR, "gru_blocks.rrtf")
    total += case_layernorm().write(NN_DIR, "layernorm.rrtf")
    total += case_categorical().write(NN_DIR, "categorical.rrtf")
    total += case_grad_clip().write(NN_DIR, "grad_clip.rrtf")
    total += case_adam().write(NN_DIR, "adam.rrtf")
    total += case_sgd().write(NN_DIR, "sgd.rrtf")
    total += case_policy_loss().write(ALG_DIR, "policy_loss.rrtf")
    total += case_value_loss().write(ALG_DIR, "value_loss.rrtf")
    total += case_factorised_loss().write(ALG_DIR, "factorised_loss.rrtf")
    total += case_ppo_loss().write(ALG_DIR, "ppo_loss.rrtf")
    print("total %d bytes" % total)
    if total > 200 * 1024:
        sys.exit("fixtures exceed the 200 KB budget")


if __name__ == "__main__":
    main()
