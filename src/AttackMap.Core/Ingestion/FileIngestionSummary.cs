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

    /// <summary>
    /// Gets the next-page link the file published (<c>@odata.nextLink</c> of a Microsoft Graph page, <c>nextLink</c> of an
    /// ARM list), as published, or <see langword="null"/> when it has none (or <c>null</c>). A link means the server holds
    /// more records than the file: fetch the next pages and read them too. For JSON Lines whose lines are pages, the
    /// link of the last line that has one. Known once the file has been read to its end.
    /// </summary>
    public string? NextLink => Page?.NextLink;

    internal PageLink? Page { get; set; }

    /// <inheritdoc />
    public override string ToString() => $"{File}: read {RecordsRead} = signals {Signals} + ignored {Ignored} + rejected {Rejected}"
        + (NextLink is null ? string.Empty : "; the page has a next link: more records exist on the server");
}
