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

    public Option<bool> Strict { get; } = new("--strict")
    {
        Description = "Stop at the first malformed record instead of rejecting it and going on.",
    };

    public void AddTo(Command command)
    {
        command.Options.Add(RulePacks);
        command.Options.Add(Attack);
        command.Options.Add(Strict);
    }

    public AttackMapEngine CreateEngine(ParseResult parsed, Action<AttackMapBuilder>? configure = null)
    {
        var builder = new AttackMapBuilder().UseCatalog(LoadCatalog(parsed.GetValue(Attack)));
        configure?.Invoke(builder);
        foreach (var pack in parsed.GetValue(RulePacks) ?? Array.Empty<string>())
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

    private static AttackCatalog LoadCatalog(string? attack)
    {
        if (string.IsNullOrWhiteSpace(attack))
        {
            return AttackCatalog.Default;
        }

        if (AttackCatalog.EmbeddedVersions.Contains(attack!, StringComparer.OrdinalIgnoreCase))
        {
            return AttackCatalog.LoadEmbedded(attack!);
        }

        if (!File.Exists(attack))
        {
            throw new CliException(
                $"--attack '{attack}' is neither an embedded version ({string.Join(", ", AttackCatalog.EmbeddedVersions)}) nor an existing STIX bundle file.",
                ExitCodes.Usage);
        }

        return AttackCatalog.Load(attack!);
    }
}
