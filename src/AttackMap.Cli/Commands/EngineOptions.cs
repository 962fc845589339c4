using System.CommandLine;
using AttackMap.Attack;
using AttackMap.Ingestion;

namespace AttackMap.Cli.Commands;

/// <summary>The options every command shares: which ATT&amp;CK catalog, which extra rule packs, strict or lenient reading.</summary>
internal sealed class EngineOptions
{
    public Option<string[]> RulePacks { get; } = new("--rules")
    {
        Description = "An extra rule pack (JSON) to load on top of the built-in Azure pack; repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Attack { get; } = new("--attack")
    {
        Description = "The ATT&CK catalog: an embedded version (18.1, 19.2) or the path of an official Enterprise STIX bundle. Default: 19.2.",
    };

    public Option<bool> NoBuiltIn { get; } = new("--no-builtin")
    {
        Description = "Leave the built-in Azure rule pack and correlations out (they target ATT&CK v19.2); use with --rules and --attack for other versions.",
    };

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Stop at the first malformed record instead of rejecting it and going on; for coverage, also exit 1 when a Sentinel rule file could not be imported.",
    };

    public Option<bool> FailOnRejected { get; } = new("--fail-on-rejected")
    {
        Description = "Exit 1 after the run when any record was rejected (unlike --strict, every record is still read and every output written).",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(RulePacks);
        command.Options.Add(Attack);
        command.Options.Add(NoBuiltIn);
        command.Options.Add(Strict);
        command.Options.Add(FailOnRejected);
    }

    /// <param name="parsed">The parsed command line.</param>
    /// <param name="configure">More builder settings, or null.</param>
    /// <param name="rulePacks">The rule packs to load in place of the <c>--rules</c> values (coverage sorts those first), or null.</param>
    public AttackMapEngine CreateEngine(ParseResult parsed, Action<AttackMapBuilder>? configure = null, IReadOnlyList<string>? rulePacks = null)
    {
        var catalog = RulesCommand.LoadCatalog(parsed.GetValue(Attack), "--attack");
        var builder = new AttackMapBuilder().UseCatalog(catalog);
        if (parsed.GetValue(NoBuiltIn))
        {
            builder.WithoutBuiltInRules().WithoutBuiltInCorrelations();
        }
        else if (catalog.Version != AttackCatalog.Default.Version)
        {
            throw new CliException(
                $"the built-in rule pack and correlations target ATT&CK v{AttackCatalog.Default.Version}, but --attack selected v{catalog.Version}. " +
                "Add --no-builtin and give your own packs with --rules, or migrate your packs with the v19.2 catalog.",
                ExitCodes.Usage);
        }

        configure?.Invoke(builder);
        foreach (var pack in rulePacks ?? parsed.GetValue(RulePacks) ?? Array.Empty<string>())
        {
            if (!File.Exists(pack))
            {
                throw new CliException($"rule pack '{pack}' does not exist.", ExitCodes.Usage);
            }

            builder.AddRulePack(pack);
        }

        if (parsed.GetValue(Strict))
        {
            builder.ConfigureReader(options => options.Mode = LogReadMode.Strict);
        }

        return builder.Build();
    }

    /// <summary>Fails the run (exit 1) under <c>--fail-on-rejected</c> when the summary counts rejected records.</summary>
    public void EnforceNoRejections(ParseResult parsed, ClassificationSummary summary)
    {
        if (parsed.GetValue(FailOnRejected) && summary.Rejected > 0)
        {
            var records = summary.Rejected == 1 ? "1 record was" : $"{summary.Rejected} records were";
            throw new CliException($"--fail-on-rejected: {records} rejected (listed above).");
        }
    }
}
