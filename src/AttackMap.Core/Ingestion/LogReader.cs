using System.Runtime.CompilerServices;

#pragma warning disable RS0026, RS0027 // Sync/async pairs share the optional cancellation token last, as the Azure SDK guidelines ask.

namespace AttackMap.Ingestion;

/// <summary>
/// Reads Azure security logs (Defender for Cloud alerts, Entra ID sign-ins, risk detections and audit logs, Azure
/// Activity) from files or streams in any supported shape - JSON Lines, Event Hub <c>{"records":[...]}</c>, Graph
/// and ARM pages, x-ms-examples, bare JSON arrays, single objects, Sentinel / Log Analytics CSV exports, and gzip of
/// any of these - into typed signals, one <see cref="LogRecord"/> per record. Streams; never loads a whole file.
/// The async methods read only with <c>ReadAsync</c> and return the same records as the synchronous ones.
/// Immutable and thread-safe.
/// </summary>
public sealed class LogReader
{
    private static readonly string[] Extensions = { ".json", ".jsonl", ".csv", ".gz" };
    private readonly LogReaderOptions _options;

    /// <summary>Creates a reader with the default options (lenient, 16 MiB records, depth 64).</summary>
    public LogReader()
        : this(new LogReaderOptions())
    {
    }

    /// <summary>Creates a reader with <paramref name="options"/> (copied).</summary>
    /// <param name="options">The options.</param>
    public LogReader(LogReaderOptions options)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        if (options.MaxRecordBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxRecordBytes must be at least 1024.");
        }

        if (options.MaxDepth < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "MaxDepth must be at least 1.");
        }

        _options = new LogReaderOptions { Mode = options.Mode, MaxRecordBytes = options.MaxRecordBytes, MaxDepth = options.MaxDepth, SignInFastPath = options.SignInFastPath };
    }

    /// <summary>Gets how unreadable records are handled.</summary>
    public LogReadMode Mode => _options.Mode;

    /// <summary>Reads the records of one file.</summary>
    /// <param name="path">The file path (<c>.json</c>, <c>.jsonl</c>, <c>.csv</c>, <c>.gz</c>; the shape is detected from the content).</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, lazily, in file order.</returns>
    /// <exception cref="LogFormatException">In strict mode, at the first rejected record.</exception>
    public IEnumerable<LogRecord> Read(string path, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return Guard(ReadFile(path, cancellationToken));
    }

    /// <summary>Reads the records of a stream.</summary>
    /// <param name="stream">The stream (left open).</param>
    /// <param name="sourceName">The name used in record origins.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, lazily, in stream order.</returns>
    /// <exception cref="LogFormatException">In strict mode, at the first rejected record.</exception>
    public IEnumerable<LogRecord> Read(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (sourceName is null)
        {
            throw new ArgumentNullException(nameof(sourceName));
        }

        return Guard(LogParser.Parse(stream, sourceName, _options, cancellationToken));
    }

    /// <summary>
    /// Reads files and folders: folders are expanded recursively to their <c>.json</c>, <c>.jsonl</c>, <c>.csv</c> and
    /// <c>.gz</c> files, in ordinal path order, so the output is deterministic. A file that cannot be read is one rejection; the others still read.
    /// </summary>
    /// <param name="filesOrFolders">File and folder paths.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records of every file, file after file.</returns>
    /// <exception cref="LogFormatException">In strict mode, at the first rejected record.</exception>
    public IEnumerable<LogRecord> ReadAll(IEnumerable<string> filesOrFolders, CancellationToken cancellationToken = default)
    {
        if (filesOrFolders is null)
        {
            throw new ArgumentNullException(nameof(filesOrFolders));
        }

        return Guard(ReadAllCore(ExpandPaths(filesOrFolders), cancellationToken));
    }

    /// <summary>
    /// Reads the records of one file as an async stream: the file is opened for asynchronous I/O and read only with
    /// <c>ReadAsync</c>; records are parsed from the bytes already buffered, exactly as <see cref="Read(string, CancellationToken)"/>
    /// parses them (same records, origins and rejections), with memory bounded by the largest record. Cancellation is
    /// checked between records and passed to every read.
    /// </summary>
    /// <param name="path">The file path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, in file order.</returns>
    /// <exception cref="LogFormatException">In strict mode, at the first rejected record.</exception>
    public IAsyncEnumerable<LogRecord> ReadAsync(string path, CancellationToken cancellationToken = default)
    {
        if (path is null)
        {
            throw new ArgumentNullException(nameof(path));
        }

        return GuardAsync(ReadFileAsync(path, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Reads the records of a stream as an async stream, using only <see cref="Stream.ReadAsync(byte[], int, int, CancellationToken)"/>
    /// (never a blocking read); the records equal those of <see cref="Read(Stream, string, CancellationToken)"/>.
    /// Cancellation is checked between records and passed to every read.
    /// </summary>
    /// <param name="stream">The stream (left open).</param>
    /// <param name="sourceName">The name used in record origins.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records, in stream order.</returns>
    /// <exception cref="LogFormatException">In strict mode, at the first rejected record.</exception>
    public IAsyncEnumerable<LogRecord> ReadAsync(Stream stream, string sourceName, CancellationToken cancellationToken = default)
    {
        if (stream is null)
        {
            throw new ArgumentNullException(nameof(stream));
        }

        if (sourceName is null)
        {
            throw new ArgumentNullException(nameof(sourceName));
        }

        return GuardAsync(LogParser.ParseAsync(stream, sourceName, _options, cancellationToken), cancellationToken);
    }

    /// <summary>Reads files and folders as an async stream (see <see cref="ReadAll"/> and <see cref="ReadAsync(string, CancellationToken)"/>).</summary>
    /// <param name="filesOrFolders">File and folder paths.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records of every file, file after file.</returns>
    /// <exception cref="LogFormatException">In strict mode, at the first rejected record.</exception>
    public IAsyncEnumerable<LogRecord> ReadAllAsync(IEnumerable<string> filesOrFolders, CancellationToken cancellationToken = default)
    {
        if (filesOrFolders is null)
        {
            throw new ArgumentNullException(nameof(filesOrFolders));
        }

        return GuardAsync(ReadAllCoreAsync(ExpandPaths(filesOrFolders), cancellationToken), cancellationToken);
    }

    /// <summary>Expands folders (recursively) into their log files, sorted ordinally; files are kept as given.</summary>
    /// <param name="filesOrFolders">File and folder paths.</param>
    /// <returns>The file paths in reading order.</returns>
    public static IReadOnlyList<string> ExpandPaths(IEnumerable<string> filesOrFolders)
    {
        if (filesOrFolders is null)
        {
            throw new ArgumentNullException(nameof(filesOrFolders));
        }

        var files = new List<string>();
        foreach (var path in filesOrFolders)
        {
            if (Directory.Exists(path))
            {
                var found = new List<string>();
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                {
                    foreach (var extension in Extensions)
                    {
                        if (file.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                        {
                            found.Add(file);
                            break;
                        }
                    }
                }

                found.Sort(StringComparer.Ordinal);
                files.AddRange(found);
            }
            else
            {
                files.Add(path);
            }
        }

        return files;
    }

    private IEnumerable<LogRecord> ReadAllCore(IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            foreach (var record in ReadFile(file, cancellationToken))
            {
                yield return record;
            }
        }
    }

    private IEnumerable<LogRecord> ReadFile(string path, CancellationToken cancellationToken)
    {
        var stream = Open(path, FileOptions.SequentialScan, out var failure);
        if (stream is null)
        {
            yield return failure!;
            yield break;
        }

        using (stream)
        {
            foreach (var record in LogParser.Parse(stream, path, _options, cancellationToken))
            {
                yield return record;
            }
        }
    }

    private async IAsyncEnumerable<LogRecord> ReadAllCoreAsync(IReadOnlyList<string> files, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var file in files)
        {
            await foreach (var record in ReadFileAsync(file, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    private async IAsyncEnumerable<LogRecord> ReadFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var stream = Open(path, FileOptions.Asynchronous | FileOptions.SequentialScan, out var failure);
        if (stream is null)
        {
            yield return failure!;
            yield break;
        }

        using (stream)
        {
            await foreach (var record in LogParser.ParseAsync(stream, path, _options, cancellationToken).ConfigureAwait(false))
            {
                yield return record;
            }
        }
    }

    private static FileStream? Open(string path, FileOptions fileOptions, out LogRecord? failure)
    {
        try
        {
            failure = null;
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 64 * 1024, fileOptions);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            failure = LogRecord.Rejected(new Signals.SignalOrigin(path, 0, null, null), RejectionKind.ReadFailure, "could not open: " + e.Message);
            return null;
        }
    }

    private IAsyncEnumerable<LogRecord> GuardAsync(IAsyncEnumerable<LogRecord> records, CancellationToken cancellationToken)
    {
        if (_options.Mode == LogReadMode.Lenient)
        {
            return records;
        }

        return Strict(records, cancellationToken);

        static async IAsyncEnumerable<LogRecord> Strict(IAsyncEnumerable<LogRecord> records, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await foreach (var record in records.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (record.Outcome == LogRecordOutcome.Rejected)
                {
                    throw new LogFormatException(record.Rejection!);
                }

                yield return record;
            }
        }
    }

    private IEnumerable<LogRecord> Guard(IEnumerable<LogRecord> records)
    {
        if (_options.Mode == LogReadMode.Lenient)
        {
            return records;
        }

        return Strict(records);

        static IEnumerable<LogRecord> Strict(IEnumerable<LogRecord> records)
        {
            foreach (var record in records)
            {
                if (record.Outcome == LogRecordOutcome.Rejected)
                {
                    throw new LogFormatException(record.Rejection!);
                }

                yield return record;
            }
        }
    }
}
