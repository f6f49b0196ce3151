#!/usr/bin/python3
"""Build the small model fixtures that the reader tests load, and their reference singular values.

Run with Debian's interpreter, which has torch 1.13, numpy, onnx and h5py:

    /usr/bin/python3 scripts/make_fixtures.py [OUTPUT_DIR]

One fixed-seed network (three convolutions, two BatchNorms, two fully connected maps) is trained for
a few steps on random data, so the BatchNorm running statistics are not at their initial values, and
then written in every format the readers support. The output is deterministic for a given torch build.
"""
import collections
import json
import os
import struct
import sys

import h5py
import numpy as np
import torch
from torch import nn

SEED = 20231
INPUT_SHAPE = (3, 8, 8)
BN_EPS = 1e-5
# Maps of the chain in the order the model computes them. Natural order of the names gives this
# order, but plain string order does not, because "features.10" sorts before "features.4".
CHAIN = ["features.0.weight", "features.4.weight", "features.10.weight",
         "classifier.0.weight", "classifier.2.weight"]
BATCH_NORMS = {"features.0.weight": "features.1", "features.4.weight": "features.5"}


class TinyCnn(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 8, 3, padding=1),            # 0
            nn.BatchNorm2d(8, eps=BN_EPS),            # 1
            nn.ReLU(),                                # 2
            nn.MaxPool2d(2),                          # 3: 8x8 -> 4x4
            nn.Conv2d(8, 16, (3, 1), padding=(1, 0)), # 4
            nn.BatchNorm2d(16, eps=BN_EPS),           # 5
            nn.ReLU(),                                # 6
            nn.Dropout(0.0),                          # 7
            nn.Identity(),                            # 8
            nn.Identity(),                            # 9
            nn.Conv2d(16, 16, 5, padding=2),          # 10
            nn.ReLU(),                                # 11
        )
        self.classifier = nn.Sequential(
            nn.Linear(16 * 4 * 4, 32),                # 0
            nn.ReLU(),                                # 1
            nn.Linear(32, 10),                        # 2
        )

    def forward(self, x):
        x = self.features(x)
        return self.classifier(torch.flatten(x, 1))


def train_briefly(model):
    generator = torch.Generator().manual_seed(SEED + 1)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.05)
    model.train()
    for _ in range(5):
        x = torch.randn(16, *INPUT_SHAPE, generator=generator) * 2 + 0.5
        y = torch.randint(0, 10, (16,), generator=generator)
        optimizer.zero_grad()
        nn.functional.cross_entropy(model(x), y).backward()
        optimizer.step()
    model.eval()


# ---------------------------------------------------------------- safetensors, written by hand

SAFETENSORS_DTYPES = {torch.float32: "F32", torch.float16: "F16", torch.bfloat16: "BF16",
                      torch.float64: "F64", torch.int64: "I64"}


def tensor_bytes(tensor):
    tensor = tensor.detach().contiguous().cpu()
    if tensor.dtype == torch.bfloat16:
        # numpy has no bfloat16; its bits are the upper half of the float32 bits.
        return tensor.view(torch.int16).numpy().astype("<i2").tobytes()
    return tensor.numpy().astype(tensor.numpy().dtype.newbyteorder("<")).tobytes()


def write_safetensors(path, tensors, metadata=None):
    header = collections.OrderedDict()
    if metadata:
        header["__metadata__"] = metadata
    blobs = []
    offset = 0
    for name, tensor in tensors.items():
        blob = tensor_bytes(tensor)
        header[name] = {"dtype": SAFETENSORS_DTYPES[tensor.dtype], "shape": list(tensor.shape),
                        "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the format pads the header with spaces to 8-byte alignment
    with open(path, "wb") as out:
        out.write(struct.pack("<Q", len(text)))
        out.write(text)
        for blob in blobs:
            out.write(blob)


def write_sharded_safetensors(directory, tensors):
    os.makedirs(directory, exist_ok=True)
    names = list(tensors)
    shards = [names[: len(names) // 2], names[len(names) // 2:]]
    weight_map = collections.OrderedDict()
    for k, shard_names in enumerate(shards, start=1):
        file_name = "model-%05d-of-%05d.safetensors" % (k, len(shards))
        write_safetensors(os.path.join(directory, file_name),
                          collections.OrderedDict((n, tensors[n]) for n in shard_names))
        for n in shard_names:
            weight_map[n] = file_name
    total = sum(t.numel() * t.element_size() for t in tensors.values())
    with open(os.path.join(directory, "model.safetensors.index.json"), "w") as out:
        json.dump({"metadata": {"total_size": total}, "weight_map": weight_map}, out, indent=2)


# ---------------------------------------------------------------- PyTorch variants

def save_noncontiguous(path, state):
    state = collections.OrderedDict((k, v.clone()) for k, v in state.items())
    # A transposed view: the storage contains W^T row-major, the tensor has strides (1, out).
    fc = state["classifier.2.weight"]
    state["classifier.2.weight"] = fc.t().contiguous().t()
    # A view with a storage offset: the storage starts with 7 unrelated values.
    conv = state["features.4.weight"]
    buffer = torch.full((7 + conv.numel(),), 99.0)
    buffer[7:] = conv.flatten()
    state["features.4.weight"] = buffer[7:].view(conv.shape)
    assert not state["classifier.2.weight"].is_contiguous()
    torch.save(state, path)


def save_shared_storage(path, state):
    state = collections.OrderedDict((k, v.clone()) for k, v in state.items())
    first, second = state["features.0.weight"], state["features.4.weight"]
    shared = torch.cat([first.flatten(), second.flatten()])
    state["features.0.weight"] = shared[: first.numel()].view(first.shape)
    state["features.4.weight"] = shared[first.numel():].view(second.shape)
    torch.save(state, path)


def save_lightning_checkpoint(path, state):
    checkpoint = {
        "epoch": 3,
        "global_step": 12,
        "pytorch-lightning_version": "1.9.0",
        "state_dict": collections.OrderedDict(("model." + k, v) for k, v in state.items()),
        "hyper_parameters": {"lr": 0.05, "layers": [8, 16, 16]},
        "optimizer_states": [],
        "lr_schedulers": [],
    }
    torch.save(checkpoint, path)


# ---------------------------------------------------------------- Keras HDF5 (Keras 2 layout)

def keras_layers(state):
    """Layers of the same network in Keras layout, flatten channels-last."""
    def conv(name, key):
        w = state[key + ".weight"].numpy()
        return name, "Conv2D", {"filters": w.shape[0], "kernel_size": list(w.shape[2:]),
                                "padding": "same", "use_bias": True}, \
            [("kernel:0", w.transpose(2, 3, 1, 0)), ("bias:0", state[key + ".bias"].numpy())]

    def batch_norm(name, key):
        return name, "BatchNormalization", {"axis": -1, "epsilon": BN_EPS, "momentum": 0.9}, \
            [("gamma:0", state[key + ".weight"].numpy()), ("beta:0", state[key + ".bias"].numpy()),
             ("moving_mean:0", state[key + ".running_mean"].numpy()),
             ("moving_variance:0", state[key + ".running_var"].numpy())]

    fc1 = state["classifier.0.weight"].numpy()  # [32, 256], inputs in (C=16, P=16) order
    channels, positions = 16, 16
    # Keras flattens (H, W, C): its input p * C + c is PyTorch input c * P + p.
    permuted = fc1.reshape(32, channels, positions).transpose(0, 2, 1).reshape(32, channels * positions)
    plain = lambda name, kind, config: (name, kind, config, [])
    return [
        conv("conv2d", "features.0"),
        batch_norm("batch_normalization", "features.1"),
        plain("re_lu", "ReLU", {}),
        plain("max_pooling2d", "MaxPooling2D", {"pool_size": [2, 2], "strides": [2, 2]}),
        conv("conv2d_1", "features.4"),
        batch_norm("batch_normalization_1", "features.5"),
        plain("re_lu_1", "ReLU", {}),
        conv("conv2d_2", "features.10"),
        plain("re_lu_2", "ReLU", {}),
        plain("flatten", "Flatten", {"data_format": "channels_last"}),
        ("dense", "Dense", {"units": 32, "activation": "relu", "use_bias": True},
         [("kernel:0", permuted.T), ("bias:0", state["classifier.0.bias"].numpy())]),
        ("dense_1", "Dense", {"units": 10, "activation": "linear", "use_bias": True},
         [("kernel:0", state["classifier.2.weight"].numpy().T),
          ("bias:0", state["classifier.2.bias"].numpy())]),
    ]


def check_keras_flatten(model, layers):
    """Assert that the permuted dense kernel computes what PyTorch computes after flatten."""
    features = model.features(torch.randn(2, *INPUT_SHAPE)).detach()
    expected = model.classifier[0](torch.flatten(features, 1)).detach().numpy()
    kernel, bias = [array for _, array in layers[10][3]]
    channels_last = features.numpy().transpose(0, 2, 3, 1).reshape(2, -1)
    assert np.allclose(channels_last @ kernel + bias, expected, atol=1e-5)


def write_keras_h5(path, state, model):
    layers = keras_layers(state)
    check_keras_flatten(model, layers)
    config_layers = [{"class_name": "InputLayer", "config": {
        "batch_input_shape": [None, INPUT_SHAPE[1], INPUT_SHAPE[2], INPUT_SHAPE[0]], "name": "input_1"}}]
    for name, kind, config, _ in layers:
        config_layers.append({"class_name": kind, "config": dict(config, name=name)})
    model_config = {"class_name": "Sequential", "config": {"name": "tiny_cnn", "layers": config_layers}}
    with h5py.File(path, "w") as h5:
        h5.attrs["keras_version"] = "2.11.0"
        h5.attrs["backend"] = "tensorflow"
        h5.attrs["model_config"] = json.dumps(model_config)
        weights = h5.create_group("model_weights")
        weights.attrs["layer_names"] = np.array([n.encode() for n, _, _, _ in layers])
        weights.attrs["backend"] = "tensorflow"
        weights.attrs["keras_version"] = "2.11.0"
        for name, _, _, arrays in layers:
            group = weights.create_group(name)
            group.attrs["weight_names"] = np.array([(name + "/" + w).encode() for w, _ in arrays])
            inner = group.create_group(name) if arrays else None
            for weight_name, array in arrays:
                inner.create_dataset(weight_name, data=np.ascontiguousarray(array, dtype="<f4"))


# ---------------------------------------------------------------- extras for the chain builder

def write_extras(path, state):
    """Tensors that the chain builder must skip: an embedding, a depthwise conv, an extra head."""
    generator = torch.Generator().manual_seed(SEED + 2)
    tensors = collections.OrderedDict()
    tensors["embed_tokens.weight"] = torch.randn(50, 3, generator=generator)
    for name, value in state.items():
        tensors[name] = value
        if name == "features.5.num_batches_tracked":
            tensors["features.7.weight"] = torch.randn(16, 1, 3, 3, generator=generator)
    tensors["aux_head.weight"] = torch.randn(5, 32, generator=generator)
    write_safetensors(path, tensors)


# ---------------------------------------------------------------- reference values

def reference(state):
    maps = []
    for name in CHAIN:
        w = state[name].double().numpy()
        svr = w.reshape(w.shape[0], -1)
        entry = {"name": name, "shape": list(w.shape),
                 "singular_values_svr": np.linalg.svd(svr, compute_uv=False).tolist()}
        if w.ndim == 4:
            cosvr = w.transpose(0, 2, 3, 1).reshape(-1, w.shape[1])
            entry["singular_values_cosvr"] = np.linalg.svd(cosvr, compute_uv=False).tolist()
        if name in BATCH_NORMS:
            bn = BATCH_NORMS[name]
            scale = state[bn + ".weight"].double().numpy() / np.sqrt(
                state[bn + ".running_var"].double().numpy() + BN_EPS)
            entry["batch_norm"] = bn
            entry["singular_values_svr_bn_folded"] = np.linalg.svd(
                svr * scale[:, None], compute_uv=False).tolist()
        maps.append(entry)
    return {"seed": SEED, "torch": torch.__version__, "bn_eps": BN_EPS,
            "input_shape": list(INPUT_SHAPE), "maps": maps}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(__file__), "..", "src", "test", "resources", "fixtures")
    os.makedirs(out, exist_ok=True)
    torch.manual_seed(SEED)
    model = TinyCnn()
    train_briefly(model)
    state = model.state_dict()
    path = lambda name: os.path.join(out, name)

    torch.save(state, path("tiny_cnn.pth"))
    torch.save(collections.OrderedDict((k, v.half() if v.is_floating_point() else v)
                                       for k, v in state.items()), path("tiny_cnn_fp16.pth"))
    torch.save(collections.OrderedDict((k, v.bfloat16() if v.is_floating_point() else v)
                                       for k, v in state.items()), path("tiny_cnn_bf16.pth"))
    save_noncontiguous(path("tiny_cnn_noncontiguous.pth"), state)
    save_shared_storage(path("tiny_cnn_shared.pth"), state)
    save_lightning_checkpoint(path("tiny_cnn.ckpt"), state)

    write_safetensors(path("tiny_cnn.safetensors"), state, metadata={"format": "pt"})
    write_sharded_safetensors(path("sharded"), state)
    write_extras(path("extras.safetensors"), state)
    np.savez(path("tiny_cnn.npz"), **collections.OrderedDict((n, state[n].numpy()) for n in CHAIN))
    # The same weights deflated, two arrays in Fortran order and two in float64.
    np.savez_compressed(path("tiny_cnn_compressed.npz"), **collections.OrderedDict([
        (CHAIN[0], np.asfortranarray(state[CHAIN[0]].numpy())),
        (CHAIN[1], state[CHAIN[1]].double().numpy()),
        (CHAIN[2], state[CHAIN[2]].numpy()),
        (CHAIN[3], np.asfortranarray(state[CHAIN[3]].double().numpy())),
        (CHAIN[4], state[CHAIN[4]].numpy())]))
    np.savez(path("tiny_cnn_fp16.npz"), **collections.OrderedDict(
        (n, state[n].half().numpy()) for n in CHAIN))

    torch.onnx.export(model, torch.zeros(1, *INPUT_SHAPE), path("tiny_cnn.onnx"),
                      input_names=["input"], output_names=["logits"], opset_version=13,
                      do_constant_folding=False, training=torch.onnx.TrainingMode.PRESERVE)
    write_keras_h5(path("tiny_cnn.h5"), state, model)

    with open(path("reference.json"), "w") as out_file:
        json.dump(reference(state), out_file, indent=1)


if __name__ == "__main__":
    main()
