namespace AttackMap.Ingestion;

/// <summary>Why a record or file was rejected.</summary>
public enum RejectionKind
{
    /// <summary>The bytes are not valid JSON or CSV at this record.</summary>
    Malformed = 0,

    /// <summary>The whole file is of a shape the reader does not know (binary data, unknown CSV table, empty file...).</summary>
    UnsupportedShape = 1,

    /// <summary>The record is well-formed but matches none of the five log families.</summary>
    UnrecognizedRecord = 2,

    /// <summary>The record belongs to a family but lacks the fields that family needs.</summary>
    MissingField = 3,

    /// <summary>The record is larger than <see cref="LogReaderOptions.MaxRecordBytes"/>.</summary>
    TooLarge = 4,

    /// <summary>The record nests deeper than <see cref="LogReaderOptions.MaxDepth"/>.</summary>
    TooDeep = 5,

    /// <summary>The file could not be opened or read.</summary>
    ReadFailure = 6,
}
