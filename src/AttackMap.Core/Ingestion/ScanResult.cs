namespace AttackMap.Ingestion;

/// <summary>The result of finding one value, line or row in a <see cref="ByteWindow"/>.</summary>
internal enum ScanResult
{
    Complete = 0,
    TooLarge = 1,
    Truncated = 2,

    /// <summary>An asynchronous window ran out of buffered bytes: fill it and call the same scan again.</summary>
    Pending = 3,
}
