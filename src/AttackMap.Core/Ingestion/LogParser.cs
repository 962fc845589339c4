using System.IO.Compression;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>Detects the shape of one stream and streams its records (lenient: every problem becomes a rejection).</summary>
internal static class LogParser
{
    public static IEnumerable<LogRecord> Parse(Stream stream, string file, LogReaderOptions options, CancellationToken cancellationToken, int gzipDepth = 0)
    {
        InputShape shape;
        byte[] prefix;
        int length;
        LogRecord? failure = null;
        try
        {
            shape = ShapeDetector.Detect(stream, options.MaxRecordBytes, out prefix, out length);
        }
        catch (IOException e)
        {
            shape = InputShape.Empty;
            prefix = System.Array.Empty<byte>();
            length = 0;
            failure = FileRejection(file, RejectionKind.ReadFailure, "could not read: " + e.Message);
        }

        if (failure is not null)
        {
            yield return failure;
            yield break;
        }

        var input = new PrefixedStream(prefix, length, stream);
        IEnumerable<LogRecord> records = shape switch
        {
            InputShape.Empty => new[] { FileRejection(file, RejectionKind.UnsupportedShape, "file is empty: no records") },
            InputShape.Binary => new[] { FileRejection(file, RejectionKind.UnsupportedShape, "binary data, not JSON, JSON Lines, CSV or gzip; first bytes: " + Hex(prefix, length)) },
            InputShape.UnknownText => new[] { FileRejection(file, RejectionKind.UnsupportedShape, "text that is neither JSON (starting with '{' or '['), JSON Lines nor CSV (no comma in the first line); first line: " + FirstLine(prefix, length)) },
            InputShape.Gzip when gzipDepth > 0 => new[] { FileRejection(file, RejectionKind.UnsupportedShape, "gzip inside gzip is not read") },
            InputShape.Gzip => Parse(new GZipStream(input, CompressionMode.Decompress, leaveOpen: true), file, options, cancellationToken, gzipDepth + 1),
            InputShape.JsonLines => new JsonSource(input, file, options, cancellationToken).ReadLines(),
            InputShape.JsonDocument => new JsonSource(input, file, options, cancellationToken).ReadDocument(),
            _ => CsvSource.Read(input, file, options, cancellationToken),
        };

        using var enumerator = records.GetEnumerator();
        while (true)
        {
            LogRecord? record;
            try
            {
                record = enumerator.MoveNext() ? enumerator.Current : null;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                record = null;
                failure = FileRejection(file, RejectionKind.ReadFailure, "could not read the rest of the file: " + e.Message);
            }

            if (failure is not null)
            {
                yield return failure;
                yield break;
            }

            if (record is null)
            {
                yield break;
            }

            yield return record;
        }
    }

    private static string Hex(byte[] prefix, int length)
    {
        var count = Math.Min(length, 8);
        var text = new System.Text.StringBuilder(count * 3);
        for (var i = 0; i < count; i++)
        {
            text.Append(prefix[i].ToString("X2", System.Globalization.CultureInfo.InvariantCulture)).Append(i + 1 < count ? " " : string.Empty);
        }

        return text.ToString();
    }

    private static string FirstLine(byte[] prefix, int length)
    {
        var end = System.Array.IndexOf(prefix, (byte)'\n', 0, length);
        var line = System.Text.Encoding.UTF8.GetString(prefix, 0, Math.Min(end < 0 ? length : end, 60)).Trim();
        return "\"" + line + "\"";
    }

    private static LogRecord FileRejection(string file, RejectionKind kind, string reason) =>
        LogRecord.Rejected(new SignalOrigin(file, 0, 1, 0), kind, reason);
}
