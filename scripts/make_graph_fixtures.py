"""Write the graph-format test fixtures: one small network as ONNX, Keras HDF5 and TF.js files,
plus broken files for the error tests, and reference.json with the expected maps.

Run with Debian's interpreter, which has numpy, onnx and h5py:

    /usr/bin/python3 scripts/make_graph_fixtures.py [OUTPUT_DIR]

OUTPUT_DIR defaults to src/test/resources/fixtures/graph. The network, in PyTorch terms:
input 3x6x6 -> conv1 (4, 3x3) -> BatchNorm -> ReLU -> conv2 (6, 3x2) -> ReLU -> flatten (6 x 2 x 3)
-> fc1 (5) -> BatchNorm -> ReLU -> fc2 (3). The reference stores every map in PyTorch layout with
fc1's inputs in PyTorch (channels-first) order; TensorFlow formats store fc1 channels-last.
"""
import base64
import json
import os
import sys

import h5py
import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

rng = np.random.default_rng(2026)
CHANNELS, POSITIONS = 6, 6  # conv2 output: 6 channels on a 2 x 3 feature map


def f32(*shape):
    return rng.standard_normal(shape).astype(np.float32)


def batch_norm(channels, eps):
    return {"gamma": rng.uniform(0.5, 1.5, channels).astype(np.float32),
            "beta": f32(channels),
            "mean": f32(channels),
            "var": rng.uniform(0.5, 2.0, channels).astype(np.float32),
            "eps": eps}


NET = {
    "conv1": f32(4, 3, 3, 3),
    "bn1": batch_norm(4, 1e-3),
    "conv2": f32(6, 4, 3, 2),
    "fc1": f32(5, 36),
    "bn2": batch_norm(5, 1e-5),
    "fc2": f32(3, 5),
}


def channels_last(fc):
    """fc1 with its inputs reordered from (C, H, W) to (H, W, C): input p * C + c is PyTorch c * P + p."""
    out = fc.shape[0]
    return fc.reshape(out, CHANNELS, POSITIONS).transpose(0, 2, 1).reshape(out, CHANNELS * POSITIONS)


def hwio(conv):
    return conv.transpose(2, 3, 1, 0)


def bn_json(bn):
    return {k: (v.astype(np.float64).tolist() if k != "eps" else v) for k, v in bn.items()}


def map_json(name, kind, weights, bn=None):
    return {"name": name, "kind": kind, "shape": list(weights.shape),
            "weights": weights.astype(np.float64).ravel().tolist(),
            "batch_norm": bn_json(bn) if bn is not None else None}


# ---------------------------------------------------------------- ONNX

def onnx_bn(prefix, bn):
    return [numpy_helper.from_array(bn[k], prefix + "." + k) for k in ("gamma", "beta", "mean", "var")]


def typed_float_tensor(array, name):
    """A FLOAT tensor in the float_data field instead of raw_data."""
    return helper.make_tensor(name, TensorProto.FLOAT, array.shape, array.ravel().tolist(), raw=False)


def small_net_onnx():
    fc2_in_out = np.ascontiguousarray(NET["fc2"].T)
    initializers = [numpy_helper.from_array(NET["conv1"], "conv1.weight"), *onnx_bn("bn1", NET["bn1"]),
                    typed_float_tensor(NET["conv2"], "conv2.weight"),
                    numpy_helper.from_array(NET["fc1"], "fc1.weight"), *onnx_bn("bn2", NET["bn2"])]
    nodes = [
        helper.make_node("Conv", ["input", "conv1.weight"], ["c1"], name="conv1"),
        helper.make_node("BatchNormalization", ["c1", "bn1.gamma", "bn1.beta", "bn1.mean", "bn1.var"], ["b1"],
                         name="bn1", epsilon=NET["bn1"]["eps"]),
        helper.make_node("Relu", ["b1"], ["r1"], name="relu1"),
        helper.make_node("Conv", ["r1", "conv2.weight"], ["c2"], name="conv2"),
        helper.make_node("Relu", ["c2"], ["r2"], name="relu2"),
        helper.make_node("Flatten", ["r2"], ["flat"], name="flatten"),
        helper.make_node("Gemm", ["flat", "fc1.weight"], ["f1"], name="fc1", transB=1),
        helper.make_node("BatchNormalization", ["f1", "bn2.gamma", "bn2.beta", "bn2.mean", "bn2.var"], ["b2"],
                         name="bn2", epsilon=NET["bn2"]["eps"]),
        helper.make_node("Relu", ["b2"], ["r3"], name="relu3"),
        helper.make_node("Constant", [], ["fc2.weight"], name="fc2_const",
                         value=numpy_helper.from_array(fc2_in_out, "fc2.weight")),
        helper.make_node("MatMul", ["r3", "fc2.weight"], ["logits"], name="fc2"),
    ]
    graph = helper.make_graph(nodes, "small_net", [helper.make_tensor_value_info("input", TensorProto.FLOAT,
                                                                                 [1, 3, 6, 6])],
                              [helper.make_tensor_value_info("logits", TensorProto.FLOAT, [1, 3])], initializers)
    model = helper.make_model(graph, producer_name="make_graph_fixtures", opset_imports=[helper.make_opsetid("", 13)])
    onnx.checker.check_model(model)
    return model


def bfloat16_bits(array):
    """Round-to-nearest-even float32 -> bfloat16 bits, and the value those bits stand for."""
    bits = array.astype(np.float32).view(np.uint32).astype(np.uint64)
    rounded = ((bits + 0x7FFF + ((bits >> 16) & 1)) >> 16).astype(np.uint32)
    values = (rounded << 16).astype(np.uint32).view(np.float32)
    return rounded.astype(np.uint16), values


def dtype_mlp_onnx(out_dir):
    """Four Gemm maps, one per storage form: FLOAT16 raw, FLOAT16 int32_data, BFLOAT16 int32_data,
    DOUBLE double_data with transB=0 and alpha=0.5. Returns the expected maps (PyTorch layout)."""
    w1 = f32(8, 6).astype(np.float16)  # [out, in], transB=1
    w2 = f32(8, 8).astype(np.float16)  # [out, in], transB=1
    w3_bits, w3 = bfloat16_bits(f32(8, 8))  # [out, in], transB=1
    w4 = rng.standard_normal((8, 4))  # [in, out], transB=0, float64
    t1 = numpy_helper.from_array(w1, "w1")
    t2 = TensorProto(name="w2", data_type=TensorProto.FLOAT16, dims=list(w2.shape))
    t2.int32_data.extend(int(b) for b in w2.view(np.uint16).ravel())  # the bits, as onnx.proto specifies
    t3 = TensorProto(name="w3", data_type=TensorProto.BFLOAT16, dims=list(w3_bits.shape))
    t3.int32_data.extend(int(b) for b in w3_bits.ravel())
    t4 = TensorProto(name="w4", data_type=TensorProto.DOUBLE, dims=list(w4.shape))
    t4.double_data.extend(w4.ravel().tolist())
    nodes = [
        helper.make_node("Gemm", ["x", "w1"], ["h1"], name="g1", transB=1),
        helper.make_node("Relu", ["h1"], ["a1"]),
        helper.make_node("Gemm", ["a1", "w2"], ["h2"], name="g2", transB=1),
        helper.make_node("Relu", ["h2"], ["a2"]),
        helper.make_node("Gemm", ["a2", "w3"], ["h3"], name="g3", transB=1),
        helper.make_node("Tanh", ["h3"], ["a3"]),
        helper.make_node("Gemm", ["a3", "w4"], ["y"], name="g4", alpha=0.5),
    ]
    graph = helper.make_graph(nodes, "dtype_mlp", [helper.make_tensor_value_info("x", TensorProto.FLOAT16, [1, 6])],
                              [helper.make_tensor_value_info("y", TensorProto.DOUBLE, [1, 4])], [t1, t2, t3, t4])
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), out_dir, "dtype_mlp.onnx")
    return [map_json("w1", "fc", w1.astype(np.float64)), map_json("w2", "fc", w2.astype(np.float64)),
            map_json("w3", "fc", w3.astype(np.float64)), map_json("w4", "fc", 0.5 * w4.T)]


def skips_onnx(out_dir):
    """A grouped conv and a Gemm with transA=1, which the reader skips, around two plain maps."""
    grouped = f32(4, 2, 3, 3)
    conv = f32(6, 4, 3, 3)
    odd = f32(6, 6)
    fc = f32(3, 6)
    nodes = [
        helper.make_node("Conv", ["x", "grouped"], ["g"], name="grouped_conv", group=2),
        helper.make_node("Conv", ["g", "conv"], ["c"], name="conv"),
        helper.make_node("Flatten", ["c"], ["f"], name="flatten"),
        helper.make_node("Gemm", ["f", "odd"], ["o"], name="transposed_gemm", transA=1),
        helper.make_node("Gemm", ["o", "fc"], ["y"], name="fc", transB=1),
    ]
    inits = [numpy_helper.from_array(a, n) for a, n in ((grouped, "grouped"), (conv, "conv"), (odd, "odd"), (fc, "fc"))]
    graph = helper.make_graph(nodes, "skips", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4, 5, 5])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 3])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), out_dir, "skips.onnx")
    return [map_json("conv", "conv", conv), map_json("fc", "fc", fc)]


def nhwc_flatten_onnx(out_dir):
    """Conv -> Transpose to NHWC -> Reshape -> MatMul, as TensorFlow converters write a Keras Flatten.
    The MatMul weight is [in, out] with inputs in (H, W, C) order."""
    conv = f32(3, 2, 2, 2)  # 3 channels; input 2x3x3 -> 3x2x2 feature map
    dense = f32(12, 4)
    nodes = [
        helper.make_node("Conv", ["x", "conv"], ["c"], name="conv"),
        helper.make_node("Transpose", ["c"], ["t"], name="to_nhwc", perm=[0, 2, 3, 1]),
        helper.make_node("Constant", [], ["shape"], name="shape",
                         value=numpy_helper.from_array(np.array([-1, 12], dtype=np.int64), "shape")),
        helper.make_node("Reshape", ["t", "shape"], ["flat"], name="flatten"),
        helper.make_node("MatMul", ["flat", "dense"], ["y"], name="dense"),
    ]
    inits = [numpy_helper.from_array(conv, "conv"), numpy_helper.from_array(dense, "dense")]
    graph = helper.make_graph(nodes, "nhwc_flatten",
                              [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 2, 3, 3])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), out_dir, "nhwc_flatten.onnx")
    return [map_json("conv", "conv", conv), map_json("dense", "fc", dense.T)]


def constant_ops_onnx(out_dir):
    """Weights routed through Cast and Transpose nodes, as mixed-precision exports write them:
    a float16 weight cast to float, a weight transposed for MatMul, a float weight cast to float16."""
    half = f32(4, 3).astype(np.float16)  # Gemm transB=1: out 4, in 3
    stored_out_in = f32(2, 4)  # transposed to [in, out] for MatMul
    single = f32(2, 2)  # cast to float16, Gemm transB=1
    nodes = [
        helper.make_node("Cast", ["half"], ["half_as_float"], to=TensorProto.FLOAT),
        helper.make_node("Gemm", ["x", "half_as_float"], ["h1"], name="g1", transB=1),
        helper.make_node("Transpose", ["stored_out_in"], ["in_out"], perm=[1, 0]),
        helper.make_node("MatMul", ["h1", "in_out"], ["h2"], name="m2"),
        helper.make_node("Cast", ["single"], ["single_as_half"], to=TensorProto.FLOAT16),
        helper.make_node("Gemm", ["h2", "single_as_half"], ["y"], name="g3", transB=1),
    ]
    inits = [numpy_helper.from_array(half, "half"), numpy_helper.from_array(stored_out_in, "stored_out_in"),
             numpy_helper.from_array(single, "single")]
    graph = helper.make_graph(nodes, "constant_ops", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 3])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT16, [1, 2])], inits)
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), out_dir, "constant_ops.onnx")
    return [map_json("half_as_float", "fc", half.astype(np.float64)),
            map_json("in_out", "fc", stored_out_in),
            map_json("single_as_half", "fc", single.astype(np.float16).astype(np.float64))]


def one_tensor_onnx(out_dir, file_name, tensor):
    """A one-node model whose only initializer is `tensor`, for error tests (no checker: it is invalid)."""
    node = helper.make_node("MatMul", ["x", tensor.name], ["y"], name="matmul")
    graph = helper.make_graph([node], "broken", [helper.make_tensor_value_info("x", TensorProto.FLOAT, [1, 4])],
                              [helper.make_tensor_value_info("y", TensorProto.FLOAT, [1, 4])], [tensor])
    save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)]), out_dir, file_name)


def external_tensor(location, length):
    tensor = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[4, 4])
    tensor.data_location = TensorProto.EXTERNAL
    for key, value in (("location", location), ("offset", "0"), ("length", str(length))):
        entry = tensor.external_data.add()
        entry.key, entry.value = key, value
    return tensor


def broken_onnx(out_dir):
    short = TensorProto(name="w", data_type=TensorProto.FLOAT, dims=[4, 4], raw_data=b"\0" * 60)
    one_tensor_onnx(out_dir, "bad_raw_length.onnx", short)
    complex64 = TensorProto(name="w", data_type=TensorProto.COMPLEX64, dims=[4, 4], raw_data=b"\0" * 128)
    one_tensor_onnx(out_dir, "bad_dtype.onnx", complex64)
    one_tensor_onnx(out_dir, "bad_external_escape.onnx", external_tensor("../outside.bin", 64))
    one_tensor_onnx(out_dir, "bad_external_size.onnx", external_tensor("bad_external_size.bin", 64))
    with open(os.path.join(out_dir, "bad_external_size.bin"), "wb") as f:
        f.write(b"\0" * 16)


def save(model, out_dir, name, **kwargs):
    onnx.save(model, os.path.join(out_dir, name), **kwargs)


# ---------------------------------------------------------------- Keras (Keras 2 HDF5 layout) and TF.js

def keras_layers():
    """(name, class, config, [(weight name, array)]) of the network in Keras layout."""
    def bn(name, p):
        return (name, "BatchNormalization", {"axis": -1, "epsilon": p["eps"], "center": True, "scale": True},
                [("gamma", p["gamma"]), ("beta", p["beta"]), ("moving_mean", p["mean"]),
                 ("moving_variance", p["var"])])
    return [
        ("conv2d", "Conv2D", {"filters": 4, "kernel_size": [3, 3], "use_bias": False},
         [("kernel", hwio(NET["conv1"]))]),
        bn("batch_normalization", NET["bn1"]),
        ("activation", "Activation", {"activation": "relu"}, []),
        ("conv2d_1", "Conv2D", {"filters": 6, "kernel_size": [3, 2], "use_bias": False},
         [("kernel", hwio(NET["conv2"]))]),
        ("activation_1", "Activation", {"activation": "relu"}, []),
        ("flatten", "Flatten", {"data_format": "channels_last"}, []),
        ("dense", "Dense", {"units": 5, "use_bias": False}, [("kernel", channels_last(NET["fc1"]).T)]),
        bn("batch_normalization_1", NET["bn2"]),
        ("activation_2", "Activation", {"activation": "relu"}, []),
        ("dense_1", "Dense", {"units": 3, "use_bias": False}, [("kernel", NET["fc2"].T)]),
    ]


def keras_config(layers):
    config_layers = [{"class_name": "InputLayer", "config": {"batch_input_shape": [None, 6, 6, 3],
                                                               "name": "input_1"}}]
    for name, kind, config, _ in layers:
        config_layers.append({"class_name": kind, "config": dict(config, name=name)})
    return {"class_name": "Sequential", "config": {"name": "small_net", "layers": config_layers}}


def write_keras_h5(path, layers, with_config=True, override=None, userblock_size=0):
    with h5py.File(path, "w", userblock_size=userblock_size) as h5:
        if with_config:
            h5.attrs["keras_version"] = "2.11.0"
            h5.attrs["backend"] = "tensorflow"
            h5.attrs["model_config"] = json.dumps(keras_config(layers))
            weights = h5.create_group("model_weights")
        else:
            weights = h5  # save_weights() layout: layer groups at the root
        weights.attrs["layer_names"] = np.array([n.encode() for n, _, _, _ in layers])
        for name, _, _, arrays in layers:
            group = weights.create_group(name)
            group.attrs["weight_names"] = np.array([f"{name}/{w}:0".encode() for w, _ in arrays])
            inner = group.create_group(name)
            for w, array in arrays:
                data = override(name, w, array) if override else array
                inner.create_dataset(w + ":0", data=data)


def write_tfjs(out_dir):
    """A TF.js layers model over two shards, with float32, uint8, uint16 and float16 storage.
    Returns the expected maps, dequantized by numpy from the written shards."""
    model_dir = os.path.join(out_dir, "small_net_tfjs")
    os.makedirs(model_dir, exist_ok=True)
    quantize = {"conv2d_1/kernel": "uint8", "dense/kernel": "uint16", "dense_1/kernel": "float16",
                "batch_normalization/gamma": "uint8"}

    manifest, blob = [], bytearray()
    for name, _, _, arrays in keras_layers():
        for w, array in arrays:
            full = f"{name}/{w}"
            entry = {"name": full, "shape": list(array.shape), "dtype": "float32"}
            kind = quantize.get(full)
            if kind in ("uint8", "uint16"):
                levels = 255 if kind == "uint8" else 65535
                low, high = float(array.min()), float(array.max())
                scale = (high - low) / levels
                q = np.round((array - low) / scale).astype(np.uint8 if kind == "uint8" else np.uint16)
                entry["quantization"] = {"dtype": kind, "scale": scale, "min": low}
                blob += q.astype("<u1" if kind == "uint8" else "<u2").tobytes()
            elif kind == "float16":
                entry["quantization"] = {"dtype": "float16", "original_dtype": "float32"}
                blob += array.astype("<f2").tobytes()
            else:
                blob += array.astype("<f4").tobytes()
            manifest.append(entry)

    half = len(blob) // 2
    shards = ["group1-shard1of2.bin", "group1-shard2of2.bin"]
    for shard, part in zip(shards, (blob[:half], blob[half:])):
        with open(os.path.join(model_dir, shard), "wb") as f:
            f.write(part)

    topology = keras_config(keras_layers())
    model = {"format": "layers-model", "generatedBy": "make_graph_fixtures", "convertedBy": None,
             "modelTopology": {"keras_version": "2.11.0", "backend": "tensorflow", "model_config": topology},
             "weightsManifest": [{"paths": shards, "weights": manifest}]}
    with open(os.path.join(model_dir, "model.json"), "w") as f:
        json.dump(model, f)
    return dequantize_tfjs(model_dir)


def dequantize_tfjs(model_dir):
    """Read the shards back with numpy alone and return the maps in PyTorch layout."""
    with open(os.path.join(model_dir, "model.json")) as f:
        model = json.load(f)
    values = dequantize_group(model_dir, model["weightsManifest"][0])

    def bn(prefix, eps):
        return {"gamma": values[prefix + "/gamma"], "beta": values[prefix + "/beta"],
                "mean": values[prefix + "/moving_mean"], "var": values[prefix + "/moving_variance"], "eps": eps}
    fc1 = values["dense/kernel"].T.reshape(5, POSITIONS, CHANNELS)  # still channels-last, as the reader keeps it
    return [map_json("conv2d/kernel", "conv", values["conv2d/kernel"].transpose(3, 2, 0, 1),
                     bn("batch_normalization", NET["bn1"]["eps"])),
            map_json("conv2d_1/kernel", "conv", values["conv2d_1/kernel"].transpose(3, 2, 0, 1)),
            map_json("dense/kernel", "fc", fc1.reshape(5, 36), bn("batch_normalization_1", NET["bn2"]["eps"])),
            map_json("dense_1/kernel", "fc", values["dense_1/kernel"].T)]


def write_tfjs_graph(out_dir):
    """A TF.js graph model of TensorFlow ops: Conv2D + BiasAdd + FusedBatchNormV3, a depthwise conv
    the reader skips, _FusedConv2D with a fused BatchNorm, MatMul with transpose_b, and _FusedMatMul.
    Input 7x7x3 -> 5x5x4 -> depthwise 3x3x4 -> conv (3, 2) 1x2x6 -> flatten 12 -> 5 -> 3.
    Returns the expected maps, read back from the shard with numpy."""
    model_dir = os.path.join(out_dir, "graph_tfjs")
    os.makedirs(model_dir, exist_ok=True)
    b64 = lambda *texts: {"list": {"s": [base64.b64encode(t.encode()).decode() for t in texts]}}
    consts = [("conv1/kernel", f32(3, 3, 3, 4), "uint8"), ("conv1/bias", f32(4), None),
              ("bn1/scale", rng.uniform(0.5, 1.5, 4).astype(np.float32), None), ("bn1/offset", f32(4), None),
              ("bn1/mean", f32(4), None), ("bn1/variance", rng.uniform(0.5, 2, 4).astype(np.float32), None),
              ("dw/kernel", f32(3, 3, 4, 1), None),
              ("conv2/kernel", f32(3, 2, 4, 6), None),
              ("bn2/scale", rng.uniform(0.5, 1.5, 6).astype(np.float32), None), ("bn2/offset", f32(6), None),
              ("bn2/mean", f32(6), None), ("bn2/variance", rng.uniform(0.5, 2, 6).astype(np.float32), None),
              ("flatten/shape", np.array([-1, 12], dtype=np.int32), None),
              ("fc1/kernel", f32(5, 12), None),  # [out, in]: read with transpose_b
              ("fc2/kernel", f32(5, 3), "float16"), ("fc2/bias", f32(3), None)]
    nodes = [{"name": "input", "op": "Placeholder", "attr": {"dtype": {"type": "DT_FLOAT"}}}]
    nodes += [{"name": n, "op": "Const", "attr": {}} for n, _, _ in consts]
    nodes += [
        {"name": "conv1/Conv2D", "op": "Conv2D", "input": ["input", "conv1/kernel"], "attr": {}},
        {"name": "conv1/BiasAdd", "op": "BiasAdd", "input": ["conv1/Conv2D", "conv1/bias"], "attr": {}},
        {"name": "bn1", "op": "FusedBatchNormV3",
         "input": ["conv1/BiasAdd", "bn1/scale", "bn1/offset", "bn1/mean", "bn1/variance"],
         "attr": {"epsilon": {"f": 0.001}}},
        {"name": "relu1", "op": "Relu", "input": ["bn1:0"], "attr": {}},
        {"name": "dw", "op": "DepthwiseConv2dNative", "input": ["relu1", "dw/kernel"], "attr": {}},
        {"name": "conv2", "op": "_FusedConv2D",
         "input": ["dw", "conv2/kernel", "bn2/scale", "bn2/offset", "bn2/mean", "bn2/variance"],
         "attr": {"fused_ops": b64("FusedBatchNorm", "Relu"), "num_args": {"i": "4"}, "epsilon": {"f": 1e-5}}},
        {"name": "flatten", "op": "Reshape", "input": ["conv2", "flatten/shape"], "attr": {}},
        {"name": "fc1", "op": "MatMul", "input": ["flatten", "fc1/kernel"], "attr": {"transpose_b": {"b": True}}},
        {"name": "relu2", "op": "Relu", "input": ["fc1:0", "^input"], "attr": {}},
        {"name": "fc2", "op": "_FusedMatMul", "input": ["relu2", "fc2/kernel", "fc2/bias"],
         "attr": {"fused_ops": b64("BiasAdd"), "num_args": {"i": "1"}}},
        {"name": "Identity", "op": "Identity", "input": ["fc2"], "attr": {}},
    ]
    manifest, blob = [], bytearray()
    for name, array, kind in consts:
        entry = {"name": name, "shape": list(array.shape), "dtype": "int32" if array.dtype == np.int32 else "float32"}
        if kind == "uint8":
            low, high = float(array.min()), float(array.max())
            scale = (high - low) / 255
            entry["quantization"] = {"dtype": "uint8", "scale": scale, "min": low}
            blob += np.round((array - low) / scale).astype("<u1").tobytes()
        elif kind == "float16":
            entry["quantization"] = {"dtype": "float16", "original_dtype": "float32"}
            blob += array.astype("<f2").tobytes()
        else:
            blob += array.astype("<i4" if array.dtype == np.int32 else "<f4").tobytes()
        manifest.append(entry)
    with open(os.path.join(model_dir, "weights.bin"), "wb") as f:
        f.write(blob)
    model = {"format": "graph-model", "generatedBy": "make_graph_fixtures", "convertedBy": None,
             "modelTopology": {"node": nodes, "library": {}, "versions": {}},
             "weightsManifest": [{"paths": ["weights.bin"], "weights": manifest}]}
    with open(os.path.join(model_dir, "model.json"), "w") as f:
        json.dump(model, f)

    values = dequantize_group(model_dir, model["weightsManifest"][0])

    def bn(prefix, eps):
        return {"gamma": values[prefix + "/scale"], "beta": values[prefix + "/offset"],
                "mean": values[prefix + "/mean"], "var": values[prefix + "/variance"], "eps": eps}
    return [map_json("conv1/kernel", "conv", values["conv1/kernel"].transpose(3, 2, 0, 1), bn("bn1", 0.001)),
            map_json("conv2/kernel", "conv", values["conv2/kernel"].transpose(3, 2, 0, 1), bn("bn2", 1e-5)),
            map_json("fc1/kernel", "fc", values["fc1/kernel"]),
            map_json("fc2/kernel", "fc", values["fc2/kernel"].T)]


def dequantize_group(model_dir, group):
    """Read one manifest group back with numpy alone: {name: float64 array}."""
    blob = b"".join(open(os.path.join(model_dir, p), "rb").read() for p in group["paths"])
    values, offset = {}, 0
    for entry in group["weights"]:
        count = int(np.prod(entry["shape"]))
        q = entry.get("quantization")
        dtype = {"uint8": "<u1", "uint16": "<u2", "float16": "<f2"}[q["dtype"]] if q else (
            "<i4" if entry["dtype"] == "int32" else "<f4")
        raw = np.frombuffer(blob, dtype=dtype, count=count, offset=offset)
        offset += raw.nbytes
        data = raw.astype(np.float64)
        if q and q["dtype"] in ("uint8", "uint16"):
            data = data * q["scale"] + q["min"]
        values[entry["name"]] = data.reshape(entry["shape"])
    assert offset == len(blob)
    return values


def broken_keras(out_dir):
    layers = keras_layers()

    def wrong_units(name, w, array):
        return array[:, :4] if (name, w) == ("dense", "kernel") else array

    def string_kernel(name, w, array):
        return np.array([b"not a number"] * 4) if (name, w) == ("dense_1", "kernel") else array
    write_keras_h5(os.path.join(out_dir, "bad_shape.h5"), layers, override=wrong_units)
    write_keras_h5(os.path.join(out_dir, "bad_dtype.h5"), layers, override=string_kernel)


def main():
    out_dir = sys.argv[1] if len(sys.argv) > 1 else "src/test/resources/fixtures/graph"
    os.makedirs(out_dir, exist_ok=True)

    model = small_net_onnx()
    save(model, out_dir, "small_net.onnx")
    external = small_net_onnx()
    stale = os.path.join(out_dir, "small_net_external.bin")
    if os.path.exists(stale):
        os.remove(stale)  # onnx appends to an existing external data file
    save(external, out_dir, "small_net_external.onnx", save_as_external_data=True,
         all_tensors_to_one_file=True, location="small_net_external.bin", size_threshold=0)
    dtype_maps = dtype_mlp_onnx(out_dir)
    skip_maps = skips_onnx(out_dir)
    nhwc_maps = nhwc_flatten_onnx(out_dir)
    broken_onnx(out_dir)

    write_keras_h5(os.path.join(out_dir, "small_net.h5"), keras_layers())
    write_keras_h5(os.path.join(out_dir, "small_net_weights.h5"), keras_layers(), with_config=False)
    write_keras_h5(os.path.join(out_dir, "small_net_userblock.h5"), keras_layers(), userblock_size=1024)
    broken_keras(out_dir)
    tfjs_maps = write_tfjs(out_dir)
    tfjs_graph_maps = write_tfjs_graph(out_dir)
    constant_maps = constant_ops_onnx(out_dir)

    small_net = [map_json("conv1", "conv", NET["conv1"], NET["bn1"]), map_json("conv2", "conv", NET["conv2"]),
                 map_json("fc1", "fc", NET["fc1"], NET["bn2"]), map_json("fc2", "fc", NET["fc2"])]
    reference = {"note": "PyTorch layout; fc1 inputs channels-first except in tfjs_small_net (channels-last)",
                 "channels": CHANNELS, "positions": POSITIONS,
                 "small_net": small_net, "dtype_mlp": dtype_maps, "skips": skip_maps, "nhwc_flatten": nhwc_maps,
                 "tfjs_small_net": tfjs_maps, "tfjs_graph": tfjs_graph_maps,
                 "constant_ops": constant_maps}
    with open(os.path.join(out_dir, "reference.json"), "w") as f:
        json.dump(reference, f, indent=1)


if __name__ == "__main__":
    main()
