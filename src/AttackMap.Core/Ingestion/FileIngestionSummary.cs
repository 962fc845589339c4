namespace AttackMap.Ingestion;

/// <summary>Counts for one file (or stream) read: records read = signals + ignored + rejected.</summary>
public sealed class FileIngestionSummary
{
    internal FileIngestionSummary(string file)
    {
        File = file;
    }

    /// <summary>Gets the file path or stream name.</summary>
    public string File { get; }

    /// <summary>Gets the number of records read (every outcome counts once).</summary>
    public int RecordsRead => Signals + Ignored + Rejected;

    /// <summary>Gets the number of records read into signals.</summary>
    public int Signals { get; internal set; }

    /// <summary>Gets the number of records ignored by design.</summary>
    public int Ignored { get; internal set; }

    /// <summary>Gets the number of records (or whole-file outcomes) rejected.</summary>
    public int Rejected { get; internal set; }

    /// <inheritdoc />
    public override string ToString() => $"{File}: read {RecordsRead} = signals {Signals} + ignored {Ignored} + rejected {Rejected}";
}
