namespace Grading.Inference.TestModels;

/// <summary>
/// Symmetric 4-bit block quantisation in the layout of ONNX Runtime's <c>MatMulNBits</c> (com.microsoft): for a weight
/// W [N, K], blocks of <see cref="BlockSize"/> along K, B as uint8 [N, ceil(K/32), 16] with element 2i in the low nibble
/// and 2i+1 in the high nibble, scales [N, ceil(K/32)], and the zero point 8 implied (no zero_points input).
/// </summary>
public static class Int4BlockQuantizer
{
    public const int BlockSize = 32;
    public const int ImpliedZeroPoint = 8;
    public const int BytesPerBlock = BlockSize / 2;

    public static int BlocksPerRow(int k) => (k + BlockSize - 1) / BlockSize;

    /// <summary>Quantises a row-major W [N, K]; K need not be a multiple of 32 (the last block is zero-padded).</summary>
    public static (byte[] Packed, float[] Scales) Quantize(float[] weights, int n, int k)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(weights.Length, n * k);
        var blocks = BlocksPerRow(k);
        var packed = new byte[n * blocks * BytesPerBlock];
        var scales = new float[n * blocks];
        for (var row = 0; row < n; row++)
        {
            for (var block = 0; block < blocks; block++)
            {
                var start = block * BlockSize;
                var end = Math.Min(start + BlockSize, k);
                var absMax = 0f;
                for (var col = start; col < end; col++)
                {
                    absMax = Math.Max(absMax, Math.Abs(weights[row * k + col]));
                }

                // Symmetric: the largest magnitude maps to -8..7; -8 stays unused so the grid is symmetric around zero.
                var scale = absMax > 0 ? absMax / 7f : 1f;
                scales[row * blocks + block] = scale;
                for (var i = 0; i < BlockSize; i++)
                {
                    var col = start + i;
                    var value = col < k ? weights[row * k + col] : 0f;
                    var q = (int)Math.Clamp(MathF.Round(value / scale), -8, 7) + ImpliedZeroPoint;
                    var byteIndex = (row * blocks + block) * BytesPerBlock + i / 2;
                    packed[byteIndex] |= (byte)(i % 2 == 0 ? q : q << 4);
                }
            }
        }

        return (packed, scales);
    }

    /// <summary>The float weights W [N, K] the kernel computes with: (q - 8) * scale.</summary>
    public static float[] Dequantize(byte[] packed, float[] scales, int n, int k)
    {
        var blocks = BlocksPerRow(k);
        var weights = new float[n * k];
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < k; col++)
            {
                var block = col / BlockSize;
                var i = col % BlockSize;
                var b = packed[(row * blocks + block) * BytesPerBlock + i / 2];
                var q = i % 2 == 0 ? b & 0x0F : b >> 4;
                weights[row * k + col] = (q - ImpliedZeroPoint) * scales[row * blocks + block];
            }
        }

        return weights;
    }
}
