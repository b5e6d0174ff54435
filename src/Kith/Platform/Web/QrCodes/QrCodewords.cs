namespace Kith.Platform.Web.QrCodes;

/// <summary>The bit stream of a byte-mode segment, and its split into Reed–Solomon blocks.</summary>
internal static class QrCodewords
{
    /// <summary>
    /// Mode 0100 (byte), the byte count, the bytes, a terminator of up to four zero bits, zero bits to
    /// the byte boundary, then the pad bytes 0xEC 0x11 alternating until the version's data capacity.
    /// </summary>
    public static byte[] Data(byte[] bytes, int version, QrErrorCorrection level)
    {
        var capacity = QrCapacity.DataCodewords(version, level);
        var bits = new BitWriter(capacity);
        bits.Append(0b0100, 4);
        bits.Append(bytes.Length, QrCapacity.ByteCountBits(version));
        foreach (var b in bytes) bits.Append(b, 8);
        bits.Append(0, Math.Min(4, capacity * 8 - bits.Length));
        bits.Append(0, (8 - bits.Length % 8) % 8);
        for (var pad = 0xEC; bits.Length < capacity * 8; pad ^= 0xEC ^ 0x11) bits.Append(pad, 8);
        return bits.Bytes;
    }

    /// <summary>
    /// Splits the data into the version's blocks (the later blocks one codeword longer when it does not
    /// divide evenly), adds each block's error correction, then interleaves: first data codeword of every
    /// block, then the second, …, then the error correction the same way, so a smudge hurts many blocks a little.
    /// </summary>
    public static byte[] Interleave(byte[] data, int version, QrErrorCorrection level)
    {
        var blockCount = QrCapacity.Blocks(version, level);
        var eccLength = QrCapacity.EccPerBlock(version, level);
        var total = QrCapacity.TotalCodewords(version);
        var shortBlocks = blockCount - total % blockCount;
        var shortData = total / blockCount - eccLength;
        var generator = ReedSolomon.Generator(eccLength);

        var blocks = new byte[blockCount][];
        var eccs = new byte[blockCount][];
        for (int i = 0, offset = 0; i < blockCount; i++)
        {
            var length = shortData + (i < shortBlocks ? 0 : 1);
            blocks[i] = data[offset..(offset + length)];
            eccs[i] = ReedSolomon.Remainder(blocks[i], generator);
            offset += length;
        }

        var result = new List<byte>(total);
        for (var k = 0; k <= shortData; k++)
        {
            foreach (var block in blocks)
            {
                if (k < block.Length) result.Add(block[k]);
            }
        }
        for (var k = 0; k < eccLength; k++)
        {
            foreach (var ecc in eccs) result.Add(ecc[k]);
        }
        if (result.Count != total) throw new InvalidOperationException($"interleaved {result.Count} of {total} codewords");
        return [.. result];
    }

    private sealed class BitWriter(int capacityBytes)
    {
        public byte[] Bytes { get; } = new byte[capacityBytes];
        public int Length { get; private set; }

        public void Append(int value, int count)
        {
            for (var i = count - 1; i >= 0; i--)
            {
                if ((value >> i & 1) != 0) Bytes[Length >> 3] |= (byte)(0x80 >> (Length & 7));
                Length++;
            }
        }
    }
}
