package org.svrgraph.reader.onnx;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * An ONNX TensorProto as stored: its values are either in {@code rawData} (little-endian), in one
 * of the typed fields, or in an external file named by {@code externalData}.
 *
 * @param name the tensor's name
 * @param dims the shape, outermost first
 * @param dataType the TensorProto.DataType code, such as 1 for FLOAT
 * @param rawData the raw_data bytes, or null when the field is absent
 * @param floatData float_data values
 * @param int32Data int32_data values (also the bits of FLOAT16 and BFLOAT16)
 * @param int64Data int64_data values
 * @param doubleData double_data values
 * @param uint64Data uint64_data values (UINT32 and UINT64)
 * @param external whether data_location is EXTERNAL
 * @param externalData the external_data entries: location, offset, length, checksum
 */
record OnnxTensorProto(String name, long[] dims, int dataType, ByteBuffer rawData, double[] floatData,
        long[] int32Data, long[] int64Data, double[] doubleData, long[] uint64Data, boolean external,
        Map<String, String> externalData) {
}
