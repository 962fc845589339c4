using System.CommandLine;
using AttackMap.Attack;

namespace AttackMap.Cli.Commands;

/// <summary>
/// <c>attackmap rules migrate --from 18.1 --to 19.2 [pack.json]</c>: what each technique id becomes in the newer release.
/// Without a pack, every technique of the older release that changed; with a pack, the pack's techniques.
/// </summary>
internal static class RulesMigrateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var pack = new Argument<string?>("pack") { Description = "A rule pack JSON file whose techniques to migrate; every changed technique when omitted.", Arity = ArgumentArity.ZeroOrOne };
        var from = new Option<string>("--from") { Description = "The older ATT&CK release: an embedded version (18.1) or a STIX bundle path.", Required = true };
        var to = new Option<string>("--to") { Description = "The newer ATT&CK release: an embedded version (19.2, default) or a STIX bundle path.", DefaultValueFactory = _ => "19.2" };
        var command = new Command("migrate", "Report what technique ids written against an older ATT&CK release are in a newer one (splits need review).")
        {
            pack, from, to,
        };
        command.SetAction(parsed =>
        {
            var older = RulesCommand.LoadCatalog(parsed.GetValue(from), "--from");
            var newer = RulesCommand.LoadCatalog(parsed.GetValue(to), "--to");
            var path = parsed.GetValue(pack);
            MigrationReport report;
            if (string.IsNullOrWhiteSpace(path))
            {
                var all = newer.Migrate(older.GetTechniques().Select(t => t.Id).OrderBy(id => id, StringComparer.Ordinal), older);
                report = new MigrationReport(all.FromVersion, all.ToVersion, all.Rows.Where(r => r.Outcome != MigrationOutcome.Unchanged));
            }
            else
            {
                var rules = RulesCommand.LoadPack(path).Rules;
                report = newer.Migrate(rules.SelectMany(r => r.Techniques).OrderBy(id => id, StringComparer.Ordinal), older);
            }

            Write(report, stdout);
            return ExitCodes.Success;
        });
        return command;
    }

    private static void Write(MigrationReport report, TextWriter stdout)
    {
        stdout.WriteLine("originalId\toriginalVersion\toutcome\tnewId\tnewVersion\tnewName\tcandidates\treview");
        foreach (var row in report.Rows)
        {
            stdout.WriteLine(string.Join(
                "\t",
                row.OriginalId,
                row.OriginalVersion,
                row.Outcome,
                row.NewId ?? "-",
                row.NewVersion,
                row.NewName ?? "-",
                row.Candidates.Count == 0 ? "-" : string.Join(",", row.Candidates),
                row.NeedsReview ? "NeedsReview" : "-"));
        }

        var counts = Enum.GetValues(typeof(MigrationOutcome)).Cast<MigrationOutcome>()
            .Select(o => (Outcome: o, Count: report.Count(o))).Where(c => c.Count > 0)
            .Select(c => $"{c.Outcome} {c.Count}");
        stdout.WriteLine($"{report.Rows.Count} techniques from v{report.FromVersion} to v{report.ToVersion}: {string.Join(", ", counts)}; {report.NeedsReview.Count} need review.");
    }
}
