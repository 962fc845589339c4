using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>
/// Accounts for every record read, so counts reconcile: records read = signals + ignored + rejected, per file and
/// per family. Fill it while streaming with <see cref="Add"/>. Not thread-safe: use one summary per reading loop.
/// </summary>
public sealed class IngestionSummary
{
    private readonly Dictionary<string, FileIngestionSummary> _files = new(StringComparer.Ordinal);
    private readonly List<FileIngestionSummary> _fileOrder = new();
    private readonly List<RecordRejection> _rejections = new();
    private readonly SortedDictionary<LogFamily, int> _signalsByFamily = new();
    private readonly SortedDictionary<string, int> _ignoredReasons = new(StringComparer.Ordinal);

    /// <summary>Gets the number of records read (every outcome counts once).</summary>
    public int RecordsRead => Signals + Ignored + Rejected;

    /// <summary>Gets the number of records read into signals.</summary>
    public int Signals { get; private set; }

    /// <summary>Gets the number of records ignored by design.</summary>
    public int Ignored { get; private set; }

    /// <summary>Gets the number of records (or whole-file outcomes) rejected.</summary>
    public int Rejected { get; private set; }

    /// <summary>
    /// Gets or sets how many rejections are kept with their locations; later ones are only counted, so a badly
    /// broken input cannot fill memory. <see cref="Rejected"/> always counts them all.
    /// </summary>
    /// <value>The default value is 10,000.</value>
    public int MaxRejectionsKept { get; set; } = 10_000;

    /// <summary>Gets the kept rejections (the first <see cref="MaxRejectionsKept"/>) with their locations, in reading order.</summary>
    public IReadOnlyList<RecordRejection> Rejections => _rejections;

    /// <summary>Gets the per-file counts, in reading order.</summary>
    public IReadOnlyList<FileIngestionSummary> Files => _fileOrder;

    /// <summary>Gets the number of signals per log family.</summary>
    public IReadOnlyDictionary<LogFamily, int> SignalsByFamily => _signalsByFamily;

    /// <summary>Gets how many records were ignored for each reason (sorted by reason).</summary>
    public IReadOnlyDictionary<string, int> IgnoredReasons => _ignoredReasons;

    /// <summary>Counts one record.</summary>
    /// <param name="record">The record read.</param>
    public void Add(LogRecord record)
    {
        if (record is null)
        {
            throw new ArgumentNullException(nameof(record));
        }

        var file = GetFile(record.Origin.File);
        if (file.Page is null && record.Page is not null)
        {
            file.Page = record.Page;
        }

        switch (record.Outcome)
        {
            case LogRecordOutcome.Signal:
                Signals++;
                file.Signals++;
                _signalsByFamily.TryGetValue(record.Signal!.Family, out var count);
                _signalsByFamily[record.Signal.Family] = count + 1;
                break;
            case LogRecordOutcome.Ignored:
                Ignored++;
                file.Ignored++;
                _ignoredReasons.TryGetValue(record.IgnoredReason!, out var ignored);
                _ignoredReasons[record.IgnoredReason!] = ignored + 1;
                break;
            default:
                Rejected++;
                file.Rejected++;
                if (_rejections.Count < MaxRejectionsKept)
                {
                    _rejections.Add(record.Rejection!);
                }

                break;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"read {RecordsRead} = signals {Signals} + ignored {Ignored} + rejected {Rejected}";

    private FileIngestionSummary GetFile(string name)
    {
        if (!_files.TryGetValue(name, out var file))
        {
            file = new FileIngestionSummary(name);
            _files[name] = file;
            _fileOrder.Add(file);
        }

        return file;
    }
}
