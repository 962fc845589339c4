namespace AttackMap.Ingestion;

/// <summary>The result of finding one value or line in a <see cref="ByteWindow"/>.</summary>
internal enum ScanResult
{
    Complete = 0,
    TooLarge = 1,
    Truncated = 2,
}
