namespace AttackMap.Ingestion;

/// <summary>The shape of a whole input, detected from its first bytes.</summary>
internal enum InputShape
{
    Empty = 0,
    Gzip = 1,
    JsonLines = 2,
    JsonDocument = 3,
    Csv = 4,
    Binary = 5,
    UnknownText = 6,
}
