"""Makes the .onnx fixtures of test/unit/models with the real ONNX library and PyTorch's exporter.

Usage: /usr/bin/python3 makeOnnxFixtures.py OUT_DIR
Needs python3-onnx (1.12) and python3-torch (1.13) from Debian. Prints one line per file written.
onnx 1.12 knows opsets up to 17, so the opset-20 Gelu model is built by hand with the default
domain imported at version 20 and is not passed through onnx.checker (which would reject it).
"""
import os
import sys

import onnx
from onnx import TensorProto, helper

out = sys.argv[1]
os.makedirs(out, exist_ok=True)


def save(model, name):
    path = os.path.join(out, name)
    onnx.save(model, path)
    print(path)


def value(name):
    return helper.make_tensor_value_info(name, TensorProto.FLOAT, [2, 8])


# 1. Opset-20 Gelu nodes, one default (approximate="none"), one approximate="tanh".
graph = helper.make_graph(
    [
        helper.make_node("Gelu", ["x"], ["h"], name="gelu_exact"),
        helper.make_node("Gelu", ["h"], ["y"], name="gelu_tanh", approximate="tanh"),
    ],
    "gelu20", [value("x")], [value("y")],
)
save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20)], producer_name="hand"), "gelu_opset20.onnx")

# 2. com.microsoft fused kernels, as onnxruntime's transformers optimizer writes them.
graph = helper.make_graph(
    [
        helper.make_node("FastGelu", ["x", "bias"], ["a"], name="fast", domain="com.microsoft"),
        helper.make_node("BiasGelu", ["a", "bias"], ["b"], name="biasgelu", domain="com.microsoft"),
        helper.make_node("QuickGelu", ["b"], ["c"], name="quick", domain="com.microsoft", alpha=1.702),
        helper.make_node("Gelu", ["c"], ["y"], name="msgelu", domain="com.microsoft"),
    ],
    "ms", [value("x")], [value("y")],
    initializer=[helper.make_tensor("bias", TensorProto.FLOAT, [8], [0.0] * 8)],
)
save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid("com.microsoft", 1)]), "ms_fused.onnx")

# 3. The other standard activation ops with their attributes.
graph = helper.make_graph(
    [
        helper.make_node("HardSigmoid", ["x"], ["a"], name="hs", alpha=0.25, beta=0.4),
        helper.make_node("Mish", ["a"], ["b"], name="mish"),
        helper.make_node("Elu", ["b"], ["c"], name="elu", alpha=0.5),
        helper.make_node("Celu", ["c"], ["d"], name="celu", alpha=2.0),
        helper.make_node("HardSwish", ["d"], ["e"], name="hswish"),
        helper.make_node("PRelu", ["e", "slope"], ["y"], name="prelu"),
    ],
    "misc", [value("x")], [value("y")],
    initializer=[helper.make_tensor("slope", TensorProto.FLOAT, [1], [0.25])],
)
save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 18)]), "misc_ops.onnx")

# 3b. float16 constants (a half-precision export): the erf GELU with √2 and ½ rounded to fp16.
import numpy as np  # noqa: E402
from onnx import numpy_helper  # noqa: E402


def half(name, v):
    return numpy_helper.from_array(np.array(v, dtype=np.float16), name=name)


graph = helper.make_graph(
    [
        helper.make_node("Div", ["x", "sqrt2"], ["d"], name="div"),
        helper.make_node("Erf", ["d"], ["e"], name="erf"),
        helper.make_node("Add", ["e", "one"], ["a"], name="add"),
        helper.make_node("Mul", ["x", "a"], ["m"], name="mul"),
        helper.make_node("Mul", ["m", "half"], ["y"], name="mul_half"),
    ],
    "fp16", [helper.make_tensor_value_info("x", TensorProto.FLOAT16, [2])], [helper.make_tensor_value_info("y", TensorProto.FLOAT16, [2])],
    initializer=[half("sqrt2", 2 ** 0.5), half("one", 1.0), half("half", 0.5)],
)
save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), "fp16_gelu_exact.onnx")

# 3c. A Constant node larger than the reader decodes whole (2 MiB), and an If whose branches hold activations.
big = numpy_helper.from_array(np.zeros(1 << 19, dtype=np.float32), name="big")
then_graph = helper.make_graph([helper.make_node("Gelu", ["x"], ["t"], name="then_gelu", approximate="tanh")], "then", [], [helper.make_tensor_value_info("t", TensorProto.FLOAT, [2, 8])])
else_graph = helper.make_graph([helper.make_node("Relu", ["x"], ["r"], name="else_relu")], "else", [], [helper.make_tensor_value_info("r", TensorProto.FLOAT, [2, 8])])
graph = helper.make_graph(
    [
        helper.make_node("Constant", [], ["k"], name="big_constant", value=big),
        helper.make_node("Constant", [], ["cond"], name="cond", value=helper.make_tensor("c", TensorProto.BOOL, [], [True])),
        helper.make_node("If", ["cond"], ["y"], name="branch", then_branch=then_graph, else_branch=else_graph),
    ],
    "nested", [value("x")], [value("y")],
)
save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 20)]), "subgraphs_and_big_constant.onnx")

# 4. PyTorch 1.13's exporter: decomposed GELUs, SiLU, QuickGELU, gated units.
import math  # noqa: E402

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402


class Mlp(torch.nn.Module):
    def __init__(self, act):
        super().__init__()
        self.up = torch.nn.Linear(8, 16)
        self.down = torch.nn.Linear(16, 8)
        self.act = act

    def forward(self, x):
        return self.down(self.act(self.up(x)))


class QuickGelu(torch.nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(1.702 * x)


class SwiGlu(torch.nn.Module):
    """LLaMA-style: silu(x W_gate) * (x W_up), two MatMuls of the same input."""

    def __init__(self):
        super().__init__()
        self.gate = torch.nn.Linear(8, 16, bias=False)
        self.up = torch.nn.Linear(8, 16, bias=False)

    def forward(self, x):
        return F.silu(self.gate(x)) * self.up(x)


class GeGlu(torch.nn.Module):
    """T5/diffusers-style: one projection chunked in two, gelu(a) * b."""

    def __init__(self):
        super().__init__()
        self.proj = torch.nn.Linear(8, 32)

    def forward(self, x):
        a, b = self.proj(x).chunk(2, dim=-1)
        return F.gelu(a) * b


class NewGelu(torch.nn.Module):
    """transformers' NewGELUActivation (gelu_new), written with torch.pow."""

    def forward(self, x):
        return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * torch.pow(x, 3.0))))


class BertLike(torch.nn.Module):
    """Two encoder layers with exact GELU and a tanh pooler, as BERT is built."""

    def __init__(self):
        super().__init__()
        layer = torch.nn.TransformerEncoderLayer(d_model=16, nhead=2, dim_feedforward=32, activation="gelu", batch_first=True)
        self.encoder = torch.nn.TransformerEncoder(layer, num_layers=2, enable_nested_tensor=False)
        self.pooler = torch.nn.Linear(16, 16)

    def forward(self, x):
        h = self.encoder(x)
        return torch.tanh(self.pooler(h[:, 0]))


def export(module, name, opset=14, example=None):
    path = os.path.join(out, name)
    torch.onnx.export(module.eval(), (torch.randn(2, 8) if example is None else example,), path, opset_version=opset, input_names=["x"], output_names=["y"])
    print(path)


torch.manual_seed(0)
export(Mlp(torch.nn.GELU()), "torch_gelu_exact.onnx")
export(Mlp(torch.nn.GELU(approximate="tanh")), "torch_gelu_tanh.onnx")
export(Mlp(torch.nn.SiLU()), "torch_silu.onnx")
export(Mlp(QuickGelu()), "torch_quick_gelu.onnx")
export(SwiGlu(), "torch_swiglu.onnx")
export(GeGlu(), "torch_geglu.onnx")
export(NewGelu(), "torch_gelu_new.onnx")
export(BertLike(), "torch_bert_like.onnx", example=torch.randn(1, 4, 16))

# 5. A truncated file: the exact-GELU export cut in the middle of its graph.
with open(os.path.join(out, "torch_gelu_exact.onnx"), "rb") as f:
    data = f.read()
path = os.path.join(out, "truncated.onnx")
with open(path, "wb") as f:
    f.write(data[: len(data) * 2 // 3])
print(path)
