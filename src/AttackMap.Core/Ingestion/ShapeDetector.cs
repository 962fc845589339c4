namespace AttackMap.Ingestion;

/// <summary>Detects the shape of an input from its first bytes (never from the file name alone).</summary>
internal static class ShapeDetector
{
    /// <summary>Reads a prefix of <paramref name="stream"/> (at least its first line, bounded by <paramref name="maxBytes"/>) and classifies it.</summary>
    public static InputShape Detect(Stream stream, int maxBytes, out byte[] prefix, out int length)
    {
        prefix = new byte[4096];
        length = 0;
        while (true)
        {
            length = Fill(stream, prefix, length);
            if (Classify(prefix, length, maxBytes) is { } shape)
            {
                return shape;
            }

            System.Array.Resize(ref prefix, prefix.Length * 2);
        }
    }

    /// <summary>Like <see cref="Detect"/>, reading with <c>ReadAsync</c> only.</summary>
    public static async Task<(InputShape Shape, byte[] Prefix, int Length)> DetectAsync(Stream stream, int maxBytes, CancellationToken cancellationToken)
    {
        var prefix = new byte[4096];
        var length = 0;
        while (true)
        {
            length = await FillAsync(stream, prefix, length, cancellationToken).ConfigureAwait(false);
            if (Classify(prefix, length, maxBytes) is { } shape)
            {
                return (shape, prefix, length);
            }

            System.Array.Resize(ref prefix, prefix.Length * 2);
        }
    }

    // Classifies the bytes read so far, or returns null when more are needed (the prefix is full, so the stream may
    // hold more, and the limit is not reached).
    private static InputShape? Classify(byte[] prefix, int length, int maxBytes)
    {
        var more = length == prefix.Length && prefix.Length <= maxBytes;
        if (length == 0)
        {
            return InputShape.Empty;
        }

        if (length >= 2 && prefix[0] == 0x1F && prefix[1] == 0x8B)
        {
            return InputShape.Gzip;
        }

        var first = SkipBomAndSpace(prefix, length);
        if (first == length)
        {
            return more ? null : InputShape.Empty;
        }

        if (LooksBinary(prefix, length))
        {
            return InputShape.Binary;
        }

        var c = prefix[first];
        if (c == '[')
        {
            return InputShape.JsonDocument;
        }

        // Read on until the first line is complete, so a JSON Lines record larger than the probe is still seen whole.
        var newline = System.Array.IndexOf(prefix, (byte)'\n', first, length - first);
        if (newline < 0 && more)
        {
            return null;
        }

        var lineEnd = newline < 0 ? length : newline;
        while (lineEnd > first && prefix[lineEnd - 1] is (byte)'\r' or (byte)' ' or (byte)'\t')
        {
            lineEnd--;
        }

        if (c == '{')
        {
            // A line that is "{...}" by itself is JSON Lines; "{" alone starts a pretty-printed document.
            return lineEnd - first > 1 && prefix[lineEnd - 1] == '}' ? InputShape.JsonLines : InputShape.JsonDocument;
        }

        return System.Array.IndexOf(prefix, (byte)',', first, lineEnd - first) >= 0 ? InputShape.Csv : InputShape.UnknownText;
    }

    private static int Fill(Stream stream, byte[] buffer, int offset)
    {
        while (offset < buffer.Length)
        {
            var read = stream.Read(buffer, offset, buffer.Length - offset);
            if (read <= 0)
            {
                break;
            }

            offset += read;
        }

        return offset;
    }

    private static async Task<int> FillAsync(Stream stream, byte[] buffer, int offset, CancellationToken cancellationToken)
    {
        while (offset < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer, offset, buffer.Length - offset, cancellationToken).ConfigureAwait(false);
            if (read <= 0)
            {
                break;
            }

            offset += read;
        }

        return offset;
    }

    private static int SkipBomAndSpace(byte[] buffer, int length)
    {
        var i = length >= 3 && buffer[0] == 0xEF && buffer[1] == 0xBB && buffer[2] == 0xBF ? 3 : 0;
        while (i < length && buffer[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i++;
        }

        return i;
    }

    private static bool LooksBinary(byte[] buffer, int length)
    {
        var control = 0;
        for (var i = 0; i < length; i++)
        {
            var b = buffer[i];
            if (b == 0)
            {
                return true;
            }

            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n' or 0x0C))
            {
                control++;
            }
        }

        return control > length / 100 + 1;
    }
}
