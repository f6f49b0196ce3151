package org.svrgraph.reader.onnx;

/** The ONNX TensorProto.DataType codes the reader decodes, with their element sizes in raw_data. */
enum OnnxDataType {
    FLOAT(1, 4),
    UINT8(2, 1),
    INT8(3, 1),
    UINT16(4, 2),
    INT16(5, 2),
    INT32(6, 4),
    INT64(7, 8),
    BOOL(9, 1),
    FLOAT16(10, 2),
    DOUBLE(11, 8),
    UINT32(12, 4),
    UINT64(13, 8),
    BFLOAT16(16, 2);

    private static final String[] UNSUPPORTED_NAMES = {"UNDEFINED", null, null, null, null, null, null, null,
        "STRING", null, null, null, null, null, "COMPLEX64", "COMPLEX128", null, "FLOAT8E4M3FN",
        "FLOAT8E4M3FNUZ", "FLOAT8E5M2", "FLOAT8E5M2FNUZ", "UINT4", "INT4", "FLOAT4E2M1"};

    final int code;
    final int bytes;

    OnnxDataType(int code, int bytes) {
        this.code = code;
        this.bytes = bytes;
    }

    /** Returns the type with this code, or null when the reader does not decode it. */
    static OnnxDataType of(int code) {
        for (OnnxDataType type : values()) {
            if (type.code == code) {
                return type;
            }
        }
        return null;
    }

    /** Returns the ONNX name of a code the reader does not decode, for messages. */
    static String unsupportedName(int code) {
        if (code >= 0 && code < UNSUPPORTED_NAMES.length && UNSUPPORTED_NAMES[code] != null) {
            return UNSUPPORTED_NAMES[code];
        }
        return "unknown";
    }

    /** Returns whether values of this type are floating point, the only kind that can be weights. */
    boolean isFloatingPoint() {
        return this == FLOAT || this == FLOAT16 || this == DOUBLE || this == BFLOAT16;
    }
}
