using System.Globalization;
using AttackMap.Attack;
using AttackMap.Coverage;
using AttackMap.Mapping;
using AttackMap.Signals;
using BenchmarkDotNet.Attributes;

namespace AttackMap.Benchmarks;

/// <summary>
/// Coverage calculation (stage: Coverage) for the built-in pack alone and for the built-in pack plus 5,000 imported rules
/// (synthetic, spread over the five families and the current, in-scope v19.2 techniques, with keys, kinds and tactics
/// like real imported packs).
/// </summary>
public class CoverageBenchmark
{
    private readonly CoverageCalculator _calculator = new();
    private readonly AttackCatalog _catalog = AttackCatalog.Default;
    private IReadOnlyList<MappingRule> _builtIn = Array.Empty<MappingRule>();
    private MappingRule[] _withImported = Array.Empty<MappingRule>();

    [GlobalSetup]
    public void Setup()
    {
        _builtIn = new RuleRegistryBuilder().AddBuiltInPack().Build(_catalog).Rules;
        _withImported = _builtIn.Concat(ImportedRules(_catalog, _calculator.Platforms, 5_000)).ToArray();
        Console.WriteLine($"// rules: built-in {_builtIn.Count}, with imported {_withImported.Length}; catalog techniques {_catalog.GetTechniques().Count}");
    }

    /// <summary>The built-in pack over all five families.</summary>
    [Benchmark(Baseline = true)]
    public CoverageReport BuiltInPack() => _calculator.Calculate(_catalog, _builtIn, LogSourceInventory.AllEnabled);

    /// <summary>The built-in pack plus 5,000 imported rules.</summary>
    [Benchmark]
    public CoverageReport BuiltInPlus5000Imported() => _calculator.Calculate(_catalog, _withImported, LogSourceInventory.AllEnabled);

    internal static IEnumerable<MappingRule> ImportedRules(AttackCatalog catalog, IReadOnlyList<string> platforms, int count)
    {
        var random = new Random(20261203);
        var techniques = catalog.GetTechniques().Where(t => t.IsInScope(platforms)).ToArray();
        var families = Enum.GetValues<LogFamily>();
        var kinds = Enum.GetValues<EvidenceKind>();
        for (var i = 0; i < count; i++)
        {
            var first = techniques[random.Next(techniques.Length)];
            var ids = random.Next(4) == 0 ? new[] { first.Id, techniques[random.Next(techniques.Length)].Id }.Distinct().ToArray() : new[] { first.Id };
            yield return new MappingRule(
                "imported.rule-" + i.ToString("D5", CultureInfo.InvariantCulture),
                families[random.Next(families.Length)],
                ids,
                kinds[random.Next(kinds.Length)],
                "Imported rule " + i.ToString(CultureInfo.InvariantCulture) + " maps this key to the technique for the benchmark.")
            {
                Keys = new[] { "Synthetic/key/" + i.ToString(CultureInfo.InvariantCulture) + "/write" },
                PackId = "imported",
            };
        }
    }
}
