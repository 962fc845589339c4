using System.IO.Compression;
using System.Runtime.CompilerServices;
using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// Detects the shape of one stream and streams its records (lenient: every problem becomes a rejection). The
/// synchronous and asynchronous readers share the detection and the parsers (<see cref="IRecordSource"/>); they
/// differ only in how bytes are read: <c>Read</c> inside the window, or <c>ReadAsync</c> between parser steps.
/// </summary>
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

        failure ??= ShapeRejection(shape, prefix, length, file, gzipDepth);
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }

        var input = new PrefixedStream(prefix, length, stream);
        using var gzip = shape == InputShape.Gzip ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : null;
        var records = gzip is not null
            ? Parse(gzip, file, options, cancellationToken, gzipDepth + 1)
            : Drive(CreateSource(shape, input, file, options, async: false), cancellationToken);
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

    public static async IAsyncEnumerable<LogRecord> ParseAsync(Stream stream, string file, LogReaderOptions options, [EnumeratorCancellation] CancellationToken cancellationToken, int gzipDepth = 0)
    {
        InputShape shape;
        byte[] prefix;
        int length;
        LogRecord? failure = null;
        try
        {
            (shape, prefix, length) = await ShapeDetector.DetectAsync(stream, options.MaxRecordBytes, cancellationToken).ConfigureAwait(false);
        }
        catch (IOException e)
        {
            shape = InputShape.Empty;
            prefix = System.Array.Empty<byte>();
            length = 0;
            failure = FileRejection(file, RejectionKind.ReadFailure, "could not read: " + e.Message);
        }

        failure ??= ShapeRejection(shape, prefix, length, file, gzipDepth);
        if (failure is not null)
        {
            yield return failure;
            yield break;
        }

        var input = new PrefixedStream(prefix, length, stream);
        using var gzip = shape == InputShape.Gzip ? new GZipStream(input, CompressionMode.Decompress, leaveOpen: true) : null;
        var records = gzip is not null
            ? ParseAsync(gzip, file, options, cancellationToken, gzipDepth + 1)
            : DriveAsync(CreateSource(shape, input, file, options, async: true), cancellationToken);
        var enumerator = records.GetAsyncEnumerator(cancellationToken);
        try
        {
            while (true)
            {
                LogRecord? record;
                try
                {
                    record = await enumerator.MoveNextAsync().ConfigureAwait(false) ? enumerator.Current : null;
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
        finally
        {
            await enumerator.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static IRecordSource CreateSource(InputShape shape, Stream input, string file, LogReaderOptions options, bool async) => shape switch
    {
        InputShape.JsonLines => new JsonSource(input, file, options, lines: true, async),
        InputShape.JsonDocument => new JsonSource(input, file, options, lines: false, async),
        _ => new CsvSource(input, file, options, async),
    };

    // Runs a source over a window that reads as it goes; cancellation is checked between records.
    private static IEnumerable<LogRecord> Drive(IRecordSource source, CancellationToken cancellationToken)
    {
        var output = new List<LogRecord>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output.Clear();
            var step = source.Next(output);
            foreach (var record in output)
            {
                yield return record;
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (step == SourceStep.End)
            {
                yield break;
            }

            if (step == SourceStep.NeedBytes)
            {
                throw new InvalidOperationException("a synchronous window never runs out of bytes");
            }
        }
    }

    // Runs a source over an asynchronous window: parses what is buffered, awaits ReadAsync when a step needs bytes.
    private static async IAsyncEnumerable<LogRecord> DriveAsync(IRecordSource source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var output = new List<LogRecord>();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            output.Clear();
            var step = source.Next(output);
            foreach (var record in output)
            {
                yield return record;
                cancellationToken.ThrowIfCancellationRequested();
            }

            if (step == SourceStep.End)
            {
                yield break;
            }

            if (step == SourceStep.NeedBytes)
            {
                await source.Window.FillAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static LogRecord? ShapeRejection(InputShape shape, byte[] prefix, int length, string file, int gzipDepth) => shape switch
    {
        InputShape.Empty => FileRejection(file, RejectionKind.UnsupportedShape, "file is empty: no records"),
        InputShape.Binary => FileRejection(file, RejectionKind.UnsupportedShape, "binary data, not JSON, JSON Lines, CSV or gzip; first bytes: " + Hex(prefix, length)),
        InputShape.UnknownText => FileRejection(file, RejectionKind.UnsupportedShape, "text that is neither JSON (starting with '{' or '['), JSON Lines nor CSV (no comma in the first line); first line: " + FirstLine(prefix, length)),
        InputShape.Gzip when gzipDepth > 0 => FileRejection(file, RejectionKind.UnsupportedShape, "gzip inside gzip is not read"),
        _ => null,
    };

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
