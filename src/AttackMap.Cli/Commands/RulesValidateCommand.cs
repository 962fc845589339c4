using System.CommandLine;
using AttackMap.Mapping;

namespace AttackMap.Cli.Commands;

/// <summary><c>attackmap rules validate [--attack X] pack.json</c>: every problem with its location; exit 1 on errors.</summary>
internal static class RulesValidateCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var pack = new Argument<string>("pack") { Description = "The rule pack JSON file to check." };
        var attack = new Option<string?>("--attack") { Description = "The ATT&CK catalog to check against: 18.1, 19.2 (default) or a STIX bundle path." };
        var command = new Command("validate", "Check a rule pack: form, techniques (unknown, revoked, deprecated, wrong tactic), rationale, ids, conflicts, condition fields.")
        {
            pack, attack,
        };
        command.SetAction(parsed =>
        {
            var path = parsed.GetValue(pack)!;
            RulePack loaded;
            try
            {
                loaded = RulesCommand.LoadPack(path);
            }
            catch (RulePackFormatException ex)
            {
                stdout.WriteLine(ex.Message);
                stderr.WriteLine($"attackmap: {path} is not a well-formed rule pack.");

                return ExitCodes.Failure;
            }

            var catalog = RulesCommand.LoadCatalog(parsed.GetValue(attack), "--attack");
            var problems = new RuleRegistryBuilder().AddPack(loaded).Validate(catalog);
            foreach (var problem in problems.OrderBy(p => p.IsError ? 0 : 1))
            {
                stdout.WriteLine(problem.ToString());
            }

            var errors = problems.Count(p => p.IsError);
            var warnings = problems.Count - errors;
            stdout.WriteLine($"{loaded.Id} {loaded.Version}: {loaded.Rules.Count} rules checked against ATT&CK v{catalog.Version}: {errors} errors, {warnings} warnings.");
            if (errors > 0 && parsed.GetValue(attack) is null && loaded.AttackVersion is { } declared
                && AttackMap.Attack.AttackCatalog.EmbeddedVersions.FirstOrDefault(v => string.Equals(v, declared.Trim().TrimStart('v', 'V'), StringComparison.Ordinal)) is { } written
                && !string.Equals(written, catalog.Version, StringComparison.OrdinalIgnoreCase))
            {
                // The pack was written for another release: say how to check it there, or what changed on the way here.
                stderr.WriteLine(
                    $"attackmap: the pack says attackVersion {written}: check it against that release with '--attack {written}', " +
                    $"or see what moved with 'attackmap rules migrate {path} --from {written}'.");
            }

            return errors > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }
}
