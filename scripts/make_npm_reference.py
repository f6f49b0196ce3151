"""Compute reference values for the TF.js models under src/test/resources/fixtures/npm/human-models
with numpy alone, independently of the Java reader, and write them to npm_reference.json there.

Run with Debian's interpreter, which has numpy:

    /usr/bin/python3 scripts/make_npm_reference.py

For each Conv2D or MatMul kernel, and each per-channel scale of a folded BatchNorm, the script
dequantizes the weight from the .bin shards, converts kernels to PyTorch layout (conv [kh, kw, in,
out] -> [out, in, kh, kw], dense [in, out] -> [out, in]), and stores the shape, the sum, the sum of
squares and a sample of values at given flat indices.
"""
import json
import os

import numpy as np

MODELS_DIR = "src/test/resources/fixtures/npm/human-models"
SAMPLES = 12


def load_weights(model_file):
    with open(model_file) as f:
        model = json.load(f)
    directory = os.path.dirname(model_file)
    weights = {}
    for group in model["weightsManifest"]:
        blob = b"".join(open(os.path.join(directory, p), "rb").read() for p in group["paths"])
        offset = 0
        for entry in group["weights"]:
            count = int(np.prod(entry["shape"], dtype=np.int64))
            q = entry.get("quantization")
            storage = q["dtype"] if q else entry["dtype"]
            dtype = {"uint8": "<u1", "uint16": "<u2", "float16": "<f2", "float32": "<f4", "int32": "<i4"}[storage]
            raw = np.frombuffer(blob, dtype=dtype, count=count, offset=offset)
            offset += raw.nbytes
            values = raw.astype(np.float64)
            if q and storage in ("uint8", "uint16"):
                values = values * q["scale"] + q["min"]
            weights[entry["name"]] = values.reshape(entry["shape"])
        assert offset == len(blob), model_file
    return model, weights


def summary(name, array):
    flat = array.ravel()
    indices = np.linspace(0, flat.size - 1, SAMPLES).astype(int).tolist()
    return {"name": name, "shape": list(array.shape), "sum": float(flat.sum()),
            "sum_of_squares": float((flat * flat).sum()), "indices": indices,
            "values": [float(flat[i]) for i in indices]}


def model_reference(model_file):
    model, weights = load_weights(model_file)
    maps, scales = [], []
    for node in model["modelTopology"]["node"]:
        op, inputs = node["op"], node.get("input", [])
        if op in ("Conv2D", "_FusedConv2D"):
            maps.append(summary(inputs[1], weights[inputs[1]].transpose(3, 2, 0, 1)))
        elif op in ("MatMul", "_FusedMatMul"):
            maps.append(summary(inputs[1], weights[inputs[1]].T))
        elif op == "Mul":
            constants = [i for i in inputs if i in weights and weights[i].ndim == 1]
            if constants:
                scales.append(summary(constants[0], weights[constants[0]]))
    return {"maps": maps, "scales": scales}


def main():
    reference = {name: model_reference(os.path.join(MODELS_DIR, name + ".json"))
                 for name in ("antispoof", "liveness", "gear")}
    with open(os.path.join(MODELS_DIR, "..", "npm_reference.json"), "w") as f:
        json.dump(reference, f, indent=1)


if __name__ == "__main__":
    main()
