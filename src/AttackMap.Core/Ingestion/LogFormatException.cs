using AttackMap.Signals;

namespace AttackMap.Ingestion;

/// <summary>Thrown in <see cref="LogReadMode.Strict"/> mode at the first record the reader cannot read.</summary>
#pragma warning disable CA1032 // The exception always carries a location; the parameterless constructors would lose it.
public sealed class LogFormatException : FormatException
#pragma warning restore CA1032
{
    /// <summary>Creates the exception for <paramref name="rejection"/>.</summary>
    /// <param name="rejection">The rejection that stopped the read.</param>
    public LogFormatException(RecordRejection rejection)
        : base((rejection ?? throw new ArgumentNullException(nameof(rejection))).ToString())
    {
        Rejection = rejection;
    }

    /// <summary>Gets the rejection that stopped the read.</summary>
    public RecordRejection Rejection { get; }

    /// <summary>Gets where the bad record starts.</summary>
    public SignalOrigin Origin => Rejection.Origin;
}
