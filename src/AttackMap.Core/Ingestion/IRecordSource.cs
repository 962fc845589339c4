namespace AttackMap.Ingestion;

/// <summary>
/// A parser fed by a <see cref="ByteWindow"/>: each call reads at most one record's worth of input synchronously from
/// the bytes already buffered. The same source serves the synchronous reader (whose window reads as it goes) and the
/// asynchronous one (which fills the window with <c>ReadAsync</c> whenever a call returns <see cref="SourceStep.NeedBytes"/>).
/// </summary>
internal interface IRecordSource
{
    /// <summary>Gets the window the source reads from.</summary>
    ByteWindow Window { get; }

    /// <summary>Reads on, adding the records found to <paramref name="output"/>.</summary>
    SourceStep Next(List<LogRecord> output);
}
