using System.CommandLine;
using AttackMap.Attack;
using AttackMap.Mapping;

namespace AttackMap.Cli.Commands;

/// <summary><c>attackmap rules ...</c>: review and author rule packs (list, validate, stale, migrate).</summary>
internal static class RulesCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new Command("rules", "Review and author mapping rule packs.");
        command.Subcommands.Add(RulesListCommand.Create(stdout));
        command.Subcommands.Add(RulesValidateCommand.Create(stdout, stderr));
        command.Subcommands.Add(RulesStaleCommand.Create(stdout));
        command.Subcommands.Add(RulesMigrateCommand.Create(stdout));
        return command;
    }

    /// <summary>Creates the optional pack argument (the built-in pack when omitted).</summary>
    internal static Argument<string?> PackArgument() => new("pack")
    {
        Description = "A rule pack JSON file; the built-in Azure pack when omitted.",
        Arity = ArgumentArity.ZeroOrOne,
    };

    /// <summary>Loads the pack at <paramref name="path"/>, or the built-in pack.</summary>
    internal static RulePack LoadPack(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return RulePack.BuiltIn;
        }

        if (!File.Exists(path))
        {
            throw new CliException($"rule pack '{path}' does not exist.", ExitCodes.Usage);
        }

        return RulePack.Load(path!);
    }

    /// <summary>Loads an embedded catalog by version or a STIX bundle by path.</summary>
    internal static AttackCatalog LoadCatalog(string? attack, string option)
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
                $"{option} '{attack}' is neither an embedded version ({string.Join(", ", AttackCatalog.EmbeddedVersions)}) nor an existing STIX bundle file.",
                ExitCodes.Usage);
        }

        return AttackCatalog.Load(attack!);
    }
}
