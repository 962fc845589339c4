namespace AttackMap.Ingestion;

/// <summary>Options of a <see cref="LogReader"/>. The reader copies them when it is created.</summary>
public sealed class LogReaderOptions
{
    /// <summary>Gets or sets how unreadable records are handled. The default is <see cref="LogReadMode.Lenient"/>.</summary>
    public LogReadMode Mode { get; set; } = LogReadMode.Lenient;

    /// <summary>Gets or sets the largest record, in bytes, the reader buffers. The default is 16 MiB.</summary>
    public int MaxRecordBytes { get; set; } = 16 * 1024 * 1024;

    /// <summary>Gets or sets the deepest JSON nesting accepted inside one record. The default is 64.</summary>
    public int MaxDepth { get; set; } = 64;

    /// <summary>Gets or sets a value indicating whether diagnostic sign-in records take the single-pass fast path (tests turn it off to compare).</summary>
    internal bool SignInFastPath { get; set; } = true;
}
