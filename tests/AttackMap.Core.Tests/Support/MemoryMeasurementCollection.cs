namespace AttackMap.Tests.Support;

/// <summary>
/// Tests that measure the process heap run in this collection, alone: other tests allocating in parallel
/// would otherwise show up in their numbers.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurementCollection
{
    /// <summary>The collection name.</summary>
    public const string Name = "Memory measurement";
}
