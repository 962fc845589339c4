using AttackMap.Attack;
using AttackMap.Correlation;
using AttackMap.Coverage;
using AttackMap.Ingestion;
using AttackMap.Mapping;

namespace AttackMap;

/// <summary>
/// Collects the configuration of an <see cref="AttackMapEngine"/>: the ATT&amp;CK catalog, rule packs, coverage
/// detections, reader and coverage options. Single use: <see cref="Build"/> validates everything once and further changes throw.
/// </summary>
public sealed class AttackMapBuilder
{
    private readonly List<RulePack> _packs = new();
    private readonly List<MappingRule> _rules = new();
    private readonly List<Func<AttackCatalog, IEnumerable<MappingRule>>> _coverageDetections = new();
    private readonly LogReaderOptions _readerOptions = new();
    private readonly CoverageOptions _coverageOptions = new();
    private readonly CorrelationEngineOptions _correlationOptions = new();
    private readonly List<(string Json, string Location)> _correlationPacks = new();
    private readonly List<CorrelationRule> _correlationRules = new();
    private bool _builtInCorrelations = true;
    private AttackCatalog? _catalog;
    private Action<RuleFailure>? _onRuleFailure;
    private bool _builtInRules = true;
    private bool _built;

    /// <summary>Uses <paramref name="catalog"/> instead of the embedded default (ATT&amp;CK v19.2).</summary>
    /// <param name="catalog">The catalog every rule is validated against.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder UseCatalog(AttackCatalog catalog)
    {
        EnsureNotBuilt();
        _catalog = catalog ?? throw new ArgumentNullException(nameof(catalog));
        return this;
    }

    /// <summary>Adds a rule pack on top of the built-in one.</summary>
    /// <param name="pack">The pack.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder AddRulePack(RulePack pack)
    {
        EnsureNotBuilt();
        _packs.Add(pack ?? throw new ArgumentNullException(nameof(pack)));
        return this;
    }

    /// <summary>Adds a rule pack read from a JSON file.</summary>
    /// <param name="path">The pack file.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder AddRulePack(string path) => AddRulePack(RulePack.Load(path));

    /// <summary>Adds one rule (a data rule, or a code rule deriving from <see cref="MappingRule"/>).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder AddRule(MappingRule rule)
    {
        EnsureNotBuilt();
        _rules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));
        return this;
    }

    /// <summary>
    /// Adds detections that count toward coverage but do not classify records, such as imported Microsoft Sentinel
    /// analytics rules (AttackMap.Sentinel's <c>SentinelCoverageRules.ToMappingRules</c>, or its <c>AddSentinelRules</c>
    /// extension). They are kept apart from the classification rules (<see cref="AddRule"/>), which need match keys and
    /// are validated against the catalog: <see cref="AttackMapEngine.CalculateCoverage"/> counts them on every call and
    /// <see cref="AttackMapEngine.CoverageDetections"/> lists them, but no record is ever classified by them.
    /// </summary>
    /// <remarks>
    /// <see cref="Build"/> checks that every detection is non-null and has an id, and that the ids are unique
    /// (case-insensitively) among all coverage detections and against the classification rules. Technique ids are not
    /// validated: an id the catalog does not know is listed by the coverage report in
    /// <see cref="Coverage.CoverageReport.UnresolvedMappings"/>, and a revoked id is resolved to its replacement.
    /// The sequence is copied now; the engine keeps its own immutable copy.
    /// </remarks>
    /// <param name="detections">The detections.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder AddCoverageDetections(IEnumerable<MappingRule> detections)
    {
        EnsureNotBuilt();
        var copy = (detections ?? throw new ArgumentNullException(nameof(detections))).ToArray();
        _coverageDetections.Add(_ => copy);
        return this;
    }

    /// <summary>
    /// Adds coverage detections created at <see cref="Build"/> time with the engine's catalog (the one given to
    /// <see cref="UseCatalog"/>, else the default), for detections that are imported against a catalog, such as
    /// AttackMap.Sentinel's <c>AddSentinelRules</c>. Otherwise the same as
    /// <see cref="AddCoverageDetections(IEnumerable{MappingRule})"/>.
    /// </summary>
    /// <param name="factory">
    /// Called once by <see cref="Build"/>, in the order detections were added, after the classification rules were
    /// validated; an exception it throws comes out of <see cref="Build"/> unchanged.
    /// </param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder AddCoverageDetections(Func<AttackCatalog, IEnumerable<MappingRule>> factory)
    {
        EnsureNotBuilt();
        _coverageDetections.Add(factory ?? throw new ArgumentNullException(nameof(factory)));
        return this;
    }

    /// <summary>Leaves the built-in Azure pack out, so only the packs and rules you add are used.</summary>
    /// <returns>This builder.</returns>
    public AttackMapBuilder WithoutBuiltInRules()
    {
        EnsureNotBuilt();
        _builtInRules = false;
        return this;
    }

    /// <summary>Changes how logs are read (strict or lenient, record size and depth limits).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder ConfigureReader(Action<LogReaderOptions> configure)
    {
        EnsureNotBuilt();
        (configure ?? throw new ArgumentNullException(nameof(configure)))(_readerOptions);
        return this;
    }

    /// <summary>Changes how coverage is calculated (platform scope, sub-techniques).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder ConfigureCoverage(Action<CoverageOptions> configure)
    {
        EnsureNotBuilt();
        (configure ?? throw new ArgumentNullException(nameof(configure)))(_coverageOptions);
        return this;
    }

    /// <summary>Adds a correlation pack (JSON, see docs/correlation-rules.md) on top of the built-in correlations.</summary>
    /// <param name="path">The pack file.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder AddCorrelationPack(string path)
    {
        EnsureNotBuilt();
        _correlationPacks.Add((File.ReadAllText(path ?? throw new ArgumentNullException(nameof(path))), path));
        return this;
    }

    /// <summary>Adds one correlation rule (data-driven, or with a code predicate).</summary>
    /// <param name="rule">The rule.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder AddCorrelation(CorrelationRule rule)
    {
        EnsureNotBuilt();
        _correlationRules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));
        return this;
    }

    /// <summary>Leaves the built-in correlations out, so only the correlation packs and rules you add are used.</summary>
    /// <returns>This builder.</returns>
    public AttackMapBuilder WithoutBuiltInCorrelations()
    {
        EnsureNotBuilt();
        _builtInCorrelations = false;
        return this;
    }

    /// <summary>Changes how the correlation engine windows records (allowed lateness, limits).</summary>
    /// <param name="configure">Changes the options.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder ConfigureCorrelation(Action<CorrelationEngineOptions> configure)
    {
        EnsureNotBuilt();
        (configure ?? throw new ArgumentNullException(nameof(configure)))(_correlationOptions);
        return this;
    }

    /// <summary>Receives the failures of rules that throw while classifying; the failing rule is skipped and the run goes on.</summary>
    /// <param name="callback">The callback; it must be thread-safe when the engine is used from several threads.</param>
    /// <returns>This builder.</returns>
    public AttackMapBuilder OnRuleFailure(Action<RuleFailure> callback)
    {
        EnsureNotBuilt();
        _onRuleFailure = callback ?? throw new ArgumentNullException(nameof(callback));
        return this;
    }

    /// <summary>Validates the rules against the catalog and builds the engine.</summary>
    /// <returns>The engine, immutable and thread-safe.</returns>
    /// <exception cref="RuleValidationException">
    /// A rule is invalid, or a coverage detection is null, has no id or reuses an id; the message lists every problem
    /// with its rule id and location.
    /// </exception>
    /// <exception cref="CorrelationRuleException">A correlation rule is invalid; the message lists every problem.</exception>
    /// <exception cref="InvalidOperationException">The builder was already used.</exception>
    public AttackMapEngine Build()
    {
        EnsureNotBuilt();
        _built = true;
        var catalog = _catalog ?? AttackCatalog.Default;
        var registry = new RuleRegistryBuilder();
        if (_builtInRules)
        {
            registry.AddBuiltInPack();
        }

        foreach (var pack in _packs)
        {
            registry.AddPack(pack);
        }

        foreach (var rule in _rules)
        {
            registry.Add(rule);
        }

        if (_onRuleFailure is not null)
        {
            registry.OnRuleFailure(_onRuleFailure);
        }

        var readerOptions = new LogReaderOptions { Mode = _readerOptions.Mode, MaxRecordBytes = _readerOptions.MaxRecordBytes, MaxDepth = _readerOptions.MaxDepth };
        var coverageOptions = new CoverageOptions { Platforms = (_coverageOptions.Platforms ?? CoverageOptions.DefaultPlatforms).ToArray(), IncludeSubTechniques = _coverageOptions.IncludeSubTechniques };
        var correlations = new CorrelationRuleSetBuilder();
        if (_builtInCorrelations)
        {
            correlations.AddBuiltIn();
        }

        foreach (var (json, location) in _correlationPacks)
        {
            correlations.AddPack(json, location);
        }

        correlations.AddRange(_correlationRules);
        var correlator = new CorrelationEngine(correlations.Build(catalog), _correlationOptions);
        var rules = registry.Build(catalog);
        var detections = BuildCoverageDetections(catalog, rules);
        return new AttackMapEngine(catalog, rules, new LogReader(readerOptions), new CoverageCalculator(coverageOptions), correlator, detections);
    }

    /// <summary>Runs the detection factories in order and checks the result: no null, every id set and unique (among the detections and against the classification rules).</summary>
    private IReadOnlyList<MappingRule> BuildCoverageDetections(AttackCatalog catalog, RuleRegistry rules)
    {
        if (_coverageDetections.Count == 0)
        {
            return Array.Empty<MappingRule>();
        }

        var detections = new List<MappingRule>();
        var problems = new List<RuleProblem>();
        var position = 0;
        foreach (var factory in _coverageDetections)
        {
            foreach (var detection in factory(catalog) ?? throw new InvalidOperationException("A coverage detections factory returned null instead of a sequence."))
            {
                if (detection is null)
                {
                    problems.Add(new RuleProblem(RuleProblemCode.Format, null, $"coverage detection #{position + 1}", "The coverage detection is null."));
                }
                else
                {
                    detections.Add(detection);
                }

                position++;
            }
        }

        var seen = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var rule in rules.Rules)
        {
            seen[rule.Id] = $"the classification rule at {rule.Location ?? "(code)"}";
        }

        foreach (var detection in detections)
        {
            if (string.IsNullOrWhiteSpace(detection.Id))
            {
                problems.Add(new RuleProblem(RuleProblemCode.MissingRuleId, null, detection.Location, "The coverage detection has no id."));
            }
            else if (seen.TryGetValue(detection.Id, out var first))
            {
                problems.Add(new RuleProblem(RuleProblemCode.DuplicateRuleId, detection.Id, detection.Location, $"The coverage detection's id '{detection.Id}' is already used by {first}."));
            }
            else
            {
                seen.Add(detection.Id, $"the coverage detection at {detection.Location ?? "(code)"}");
            }
        }

        if (problems.Count > 0)
        {
            throw new RuleValidationException(problems);
        }

        return new System.Collections.ObjectModel.ReadOnlyCollection<MappingRule>(detections.ToArray());
    }

    private void EnsureNotBuilt()
    {
        if (_built)
        {
            throw new InvalidOperationException("This AttackMapBuilder has already built an engine; create a new builder to build another.");
        }
    }
}
