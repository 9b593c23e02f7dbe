"""PyTorch peer (measurement only, never shipped): MobileNetV1 0.25 from scratch on class folders, the recipe of
sommelier train --backbone mobilenet_v1:alpha=0.25 --weights none --scope all --batch-norm training --optimizer adam
--lr 0.003 --schedule cosine --batch 32 --epochs 20 --split 6:2:2. See README.md beside this file."""
import argparse, json, math, os, random, time
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F
from PIL import Image

p = argparse.ArgumentParser()
p.add_argument('--data', default='data'); p.add_argument('--epochs', type=int, default=20)
p.add_argument('--lr', type=float, default=0.003); p.add_argument('--batch', type=int, default=32)
p.add_argument('--bn-momentum', type=float, default=0.1)  # PyTorch convention (Keras 0.99 == 0.01 here)
p.add_argument('--bn-eps', type=float, default=1e-5); p.add_argument('--adam-eps', type=float, default=1e-8)
p.add_argument('--init', default='torch', choices=['torch', 'keras'])
p.add_argument('--dropout', type=float, default=0.5); p.add_argument('--flip', action='store_true')
p.add_argument('--seed', type=int, default=42); p.add_argument('--threads', type=int, default=1)
p.add_argument('--split', default=None, help='JSON of {train:[...], validation:[...], test:[...]} relative paths')
a = p.parse_args()
torch.set_num_threads(a.threads); torch.manual_seed(a.seed); random.seed(a.seed); np.random.seed(a.seed)

classes = sorted(d for d in os.listdir(a.data) if os.path.isdir(os.path.join(a.data, d)))
if a.split:
    parts = json.load(open(a.split))
else:
    rng = random.Random(a.seed); parts = {'train': [], 'validation': [], 'test': []}
    for c in classes:
        files = sorted(os.listdir(os.path.join(a.data, c))); rng.shuffle(files); n = len(files)
        t, v = int(n * 0.6), int(n * 0.8)
        parts['train'] += [f'{c}/{f}' for f in files[:t]]; parts['validation'] += [f'{c}/{f}' for f in files[t:v]]
        parts['test'] += [f'{c}/{f}' for f in files[v:]]

def load(rel):
    x = np.stack([np.asarray(Image.open(os.path.join(a.data, r)).convert('RGB')) for r in rel])
    y = np.array([classes.index(r.split('/')[0]) for r in rel])
    return torch.from_numpy(x).permute(0, 3, 1, 2).contiguous(), torch.from_numpy(y)
data = {k: load(v) for k, v in parts.items()}
pre = lambda x: (x.float() / 127.5 - 1.0).contiguous(memory_format=torch.channels_last)

def bn(c): return nn.BatchNorm2d(c, eps=a.bn_eps, momentum=a.bn_momentum)
class Block(nn.Module):
    def __init__(s, cin, cout, stride):
        super().__init__()
        s.dw = nn.Conv2d(cin, cin, 3, stride, 1, groups=cin, bias=False); s.b1 = bn(cin)
        s.pw = nn.Conv2d(cin, cout, 1, bias=False); s.b2 = bn(cout)
    def forward(s, x): return F.relu6(s.b2(s.pw(F.relu6(s.b1(s.dw(x))))))
class MobileNet(nn.Module):
    def __init__(s, alpha=0.25, k=7):
        super().__init__()
        f = lambda n: int(n * alpha)
        s.conv1 = nn.Conv2d(3, f(32), 3, 2, 1, bias=False); s.bn1 = bn(f(32))
        spec = [(64, 1), (128, 2), (128, 1), (256, 2), (256, 1), (512, 2)] + [(512, 1)] * 5 + [(1024, 2), (1024, 1)]
        blocks, c = [], f(32)
        for n, st in spec: blocks.append(Block(c, f(n), st)); c = f(n)
        s.blocks = nn.Sequential(*blocks); s.drop = nn.Dropout(a.dropout); s.fc = nn.Linear(c, k)
    def forward(s, x):
        x = F.relu6(s.bn1(s.conv1(x))); x = s.blocks(x).mean((2, 3)); return s.fc(s.drop(x))
net = MobileNet()
if a.init == 'keras':  # glorot uniform with Keras's fans (depthwise: fan_in 9*c, fan_out 9), zero biases
    for m in net.modules():
        if isinstance(m, nn.Conv2d):
            kh, kw = m.kernel_size; rf = kh * kw
            fin, fout = (rf * m.in_channels, rf) if m.groups > 1 else (rf * m.in_channels, rf * m.out_channels)
            lim = math.sqrt(6 / (fin + fout)); nn.init.uniform_(m.weight, -lim, lim)
        elif isinstance(m, nn.Linear):
            nn.init.xavier_uniform_(m.weight); nn.init.zeros_(m.bias)
net = net.to(memory_format=torch.channels_last)
opt = torch.optim.Adam(net.parameters(), lr=a.lr, eps=a.adam_eps)

def evaluate(x, y):
    net.eval(); correct, loss = 0, 0.0
    with torch.no_grad():
        for i in range(0, len(y), 128):
            o = net(pre(x[i:i + 128])); loss += F.cross_entropy(o, y[i:i + 128], reduction='sum').item()
            correct += (o.argmax(1) == y[i:i + 128]).sum().item()
    return loss / len(y), correct / len(y)

xt, yt = data['train']; hist = []
for ep in range(a.epochs):
    lr = a.lr * 0.5 * (1 + math.cos(math.pi * ep / a.epochs))
    for g in opt.param_groups: g['lr'] = lr
    net.train(); perm = torch.randperm(len(yt)); t0 = time.time(); ls, cs = 0.0, 0
    for i in range(0, len(yt), a.batch):
        idx = perm[i:i + a.batch]; xb = xt[idx]
        if a.flip:
            m = torch.rand(len(idx)) < 0.5; xb = xb.clone(); xb[m] = xb[m].flip(3)
        o = net(pre(xb)); loss = F.cross_entropy(o, yt[idx])
        opt.zero_grad(); loss.backward(); opt.step()
        ls += loss.item() * len(idx); cs += (o.argmax(1) == yt[idx]).sum().item()
    vl, va = evaluate(*data['validation'])
    r = dict(epoch=ep + 1, lr=lr, loss=ls / len(yt), acc=cs / len(yt), val_loss=vl, val_acc=va, s=time.time() - t0)
    hist.append(r); print(json.dumps(r), flush=True)
tl, ta = evaluate(*data['test'])
print(json.dumps(dict(test_loss=tl, test_acc=ta, args=vars(a))), flush=True)
