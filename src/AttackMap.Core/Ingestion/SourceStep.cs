namespace AttackMap.Ingestion;

/// <summary>What one <see cref="IRecordSource.Next"/> call did.</summary>
internal enum SourceStep
{
    /// <summary>Zero or more records were added; call again.</summary>
    Continue = 0,

    /// <summary>An asynchronous window ran out of bytes: await <see cref="ByteWindow.FillAsync"/>, then call again.</summary>
    NeedBytes = 1,

    /// <summary>The input is finished (records may have been added).</summary>
    End = 2,
}
