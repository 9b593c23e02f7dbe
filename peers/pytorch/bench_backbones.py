"""PyTorch peer of `sommelier bench` (measurement only, never shipped).

The same work as Sommelier's bench: a seeded random batch in [-1, 1), forward through the backbone alone
(no top), and a training step = backbone + global average pooling + dense(10) with loss mean(out^2) and one SGD
step on every parameter. Batch norm uses its moving statistics in both (eval mode), as the bench's frozen
batch norm does. Runs float32 and bfloat16 autocast (torch.autocast on the CPU) on all cores (torch.set_num_threads; Debian's
build starts with one thread), each in both memory formats (contiguous NCHW and channels_last), and reports the
faster format of each, so that the peer is measured at its best. Prints one JSON line per result.
"""
import argparse, json, os, time
import torch, torch.nn as nn, torch.nn.functional as F
import torchvision


class ReLU6(nn.Module):
    """min(max(x, 0), 6) as a clamp: PyTorch 1.13's hardtanh has no bfloat16 backward on the CPU."""

    def forward(self, x):
        return x.clamp(0, 6)


class MobileNetV1(nn.Module):
    """Keras's MobileNetV1 layer for layer (ReLU6, depthwise 3x3 + BN, pointwise 1x1 + BN), without the top."""

    def __init__(self, alpha=1.0):
        super().__init__()
        c = lambda n: int(n * alpha)
        layers = [nn.Conv2d(3, c(32), 3, 2, 1, bias=False), nn.BatchNorm2d(c(32), eps=1e-3), ReLU6()]
        cfg = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)] + [(512, 1)] * 5 + [(1024, 2), (1024, 1)]
        cin = c(32)
        for cout, stride in cfg:
            layers += [nn.Conv2d(cin, cin, 3, stride, 1, groups=cin, bias=False), nn.BatchNorm2d(cin, eps=1e-3),
                       ReLU6(), nn.Conv2d(cin, c(cout), 1, bias=False), nn.BatchNorm2d(c(cout), eps=1e-3),
                       ReLU6()]
            cin = c(cout)
        self.features = nn.Sequential(*layers)
        self.channels = cin

    def forward(self, x):
        return self.features(x)


def backbone(name):
    if name == "resnet50":
        m = torchvision.models.resnet50()
        return nn.Sequential(*list(m.children())[:-2]), 2048
    if name == "mobilenet_v1":
        m = MobileNetV1(1.0)
        return m, m.channels
    raise SystemExit("unknown backbone " + name)


def seconds_per_run(fn, warmup, runs):
    for _ in range(warmup):
        fn()
    t = time.perf_counter()
    for _ in range(runs):
        fn()
    return (time.perf_counter() - t) / runs


def measure(name, precision, memory_format, a):
    torch.manual_seed(42)
    body, channels = backbone(name)
    head = nn.Linear(channels, 10)
    body.eval(), head.eval()
    body = body.to(memory_format=memory_format)
    x = (torch.rand(a.batch, 3, a.input_size, a.input_size) * 2 - 1).contiguous(memory_format=memory_format)
    params = list(body.parameters()) + list(head.parameters())
    opt = torch.optim.SGD(params, lr=1e-6)
    amp = precision == "mixed"

    def forward():
        with torch.inference_mode(), torch.autocast("cpu", dtype=torch.bfloat16, enabled=amp):
            body(x)

    def train():
        opt.zero_grad(set_to_none=True)
        with torch.autocast("cpu", dtype=torch.bfloat16, enabled=amp):
            out = head(F.adaptive_avg_pool2d(body(x), 1).flatten(1))
            loss = out.float().square().mean()
        loss.backward()
        opt.step()

    fwd = seconds_per_run(forward, a.warmup, a.runs)
    trn = seconds_per_run(train, a.warmup, a.train_runs)
    return a.batch / fwd, a.batch / trn


def best(name, precision, a):
    """Both memory formats; the faster one for forward and for training, each with its format."""
    runs = {}
    for label, fmt in (("contiguous", torch.contiguous_format), ("channels_last", torch.channels_last)):
        runs[label] = measure(name, precision, fmt, a)
    fwd = max(runs, key=lambda k: runs[k][0])
    trn = max(runs, key=lambda k: runs[k][1])
    return {"peer": "pytorch " + torch.__version__, "backbone": name, "precision": precision,
            "threads": torch.get_num_threads(), "batch": a.batch, "input_size": a.input_size,
            "forward_images_per_second": runs[fwd][0], "forward_format": fwd,
            "train_images_per_second": runs[trn][1], "train_format": trn,
            "all": {k: {"forward": v[0], "train": v[1]} for k, v in runs.items()}}


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--backbones", default="resnet50,mobilenet_v1")
    p.add_argument("--precision", default="fp32,mixed")
    p.add_argument("--batch", type=int, default=16)
    p.add_argument("--input-size", type=int, default=224)
    p.add_argument("--warmup", type=int, default=2)
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--train-runs", type=int, default=3)
    p.add_argument("--threads", type=int, default=os.cpu_count())
    a = p.parse_args()
    torch.set_num_threads(a.threads)
    for name in a.backbones.split(","):
        for precision in a.precision.split(","):
            print(json.dumps(best(name, precision, a)), flush=True)


if __name__ == "__main__":
    main()
