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

        if (Directory.Exists(path))
        {
            var packs = Directory.GetFiles(path, "*.json").Select(Path.GetFileName).OrderBy(n => n, StringComparer.Ordinal).ToArray();
            var listing = packs.Length == 0 ? "it holds no .json files directly" : "JSON files in it: " + string.Join(", ", packs);
            var yaml = Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                .Any(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase));
            var sentinel = yaml ? "; for a folder of Sentinel analytics rules use 'attackmap coverage --rules <folder>'" : string.Empty;
            throw new CliException($"'{path}' is a folder; a rule pack is one JSON file ({listing}){sentinel}.", ExitCodes.Usage);
        }

        if (!File.Exists(path))
        {
            throw new CliException($"rule pack '{path}' does not exist.", ExitCodes.Usage);
        }

        if (LooksLikeSentinelYaml(path!))
        {
            throw new CliException(
                $"'{path}' is a Microsoft Sentinel analytics rule in YAML, not an AttackMap rule pack (JSON): use 'attackmap coverage --rules <file or folder>' to count Sentinel rules.",
                ExitCodes.Usage);
        }

        return RulePack.Load(path!);
    }

    /// <summary>Whether a file that failed to load as a pack looks like a Sentinel analytics rule in YAML.</summary>
    private static bool LooksLikeSentinelYaml(string path)
    {
        if (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        var text = File.ReadAllText(path).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return text.Length > 0 && text[0] is not ('{' or '[')
            && (text.Contains("\nquery:") || text.Contains("\nkind:") || text.StartsWith("id:", StringComparison.Ordinal));
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
