namespace AttackMap.Signals;

/// <summary>
/// Where a record was read: the file (or stream name) and the record's 0-based position in it,
/// plus the 1-based line and the byte offset where the reader knows them.
/// </summary>
public sealed record SignalOrigin
{
    /// <summary>Creates an origin.</summary>
    /// <param name="file">The file path or stream name the record was read from.</param>
    /// <param name="recordIndex">The 0-based position of the record in its file.</param>
    /// <param name="line">The 1-based line the record starts on, when known.</param>
    /// <param name="byteOffset">The byte offset the record starts at, when known.</param>
    public SignalOrigin(string file, long recordIndex, long? line = null, long? byteOffset = null)
    {
        File = file ?? throw new ArgumentNullException(nameof(file));
        RecordIndex = recordIndex;
        Line = line;
        ByteOffset = byteOffset;
    }

    /// <summary>Gets the file path or stream name the record was read from.</summary>
    public string File { get; }

    /// <summary>Gets the 0-based position of the record in its file.</summary>
    public long RecordIndex { get; }

    /// <summary>Gets the 1-based line the record starts on, when known.</summary>
    public long? Line { get; }

    /// <summary>
    /// Gets the 0-based byte offset the record starts at, when known: the first byte of the JSON record or of the CSV
    /// row. Offsets count the input's bytes as stored (a UTF-8 byte order mark included), or the decompressed bytes of
    /// a gzip file.
    /// </summary>
    public long? ByteOffset { get; }

    /// <summary>Formats the origin as <c>file#index (line N, byte M)</c>.</summary>
    /// <returns>A human-readable location.</returns>
    public override string ToString()
    {
        var text = $"{File}#{RecordIndex}";
        if (Line is { } line && ByteOffset is { } offset)
        {
            return $"{text} (line {line}, byte {offset})";
        }

        return Line is { } onlyLine ? $"{text} (line {onlyLine})" : ByteOffset is { } onlyOffset ? $"{text} (byte {onlyOffset})" : text;
    }
}
