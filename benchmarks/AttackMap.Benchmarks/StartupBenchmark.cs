using AttackMap.Attack;
using AttackMap.Mapping;
using BenchmarkDotNet.Attributes;

namespace AttackMap.Benchmarks;

/// <summary>
/// Start-up: parse the embedded ATT&amp;CK catalog and the built-in pack, and build the validated registry
/// (stages: Attack + Mapping). Uses the uncached readers, so every invocation pays the full cost.
/// </summary>
public class StartupBenchmark
{
    /// <summary>Parses the embedded v19.2 catalog.</summary>
    [Benchmark(Baseline = true)]
    public AttackCatalog LoadEmbeddedCatalog() => AttackCatalog.ReadEmbedded("19.2");

    /// <summary>Catalog, built-in pack and the validated registry: what an application pays once.</summary>
    [Benchmark]
    public RuleRegistry CatalogAndBuiltInRegistry() =>
        new RuleRegistryBuilder().AddPack(RulePack.LoadBuiltIn()).Build(AttackCatalog.ReadEmbedded("19.2"));
}
