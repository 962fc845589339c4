using AttackMap.Signals;

namespace AttackMap;

/// <summary>A key seen in the logs that no rule mapped: what was visible but unmapped, with a count and an example.</summary>
public sealed class UnmappedKey
{
    internal UnmappedKey(LogFamily family, string key, SignalOrigin example)
    {
        Family = family;
        Key = key;
        Example = example;
        Count = 1;
    }

    /// <summary>Gets the family.</summary>
    public LogFamily Family { get; }

    /// <summary>Gets the key as first seen (alert type, operation name, audit activity, result code or risk event type).</summary>
    public string Key { get; }

    /// <summary>Gets how many records carried the key (compared case-insensitively).</summary>
    public int Count { get; internal set; }

    /// <summary>Gets where the first such record was read.</summary>
    public SignalOrigin Example { get; }

    /// <inheritdoc />
    public override string ToString() => $"{Family} {Key} x{Count} (e.g. {Example})";
}
