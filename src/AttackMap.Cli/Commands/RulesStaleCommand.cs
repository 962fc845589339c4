using System.CommandLine;
using System.Globalization;
using AttackMap.Mapping;

namespace AttackMap.Cli.Commands;

/// <summary><c>attackmap rules stale --older-than 180d --as-of 2026-12-03 [pack.json]</c>: rules due for review.</summary>
/// <remarks>The date is required: the tool never reads the clock, so the same command gives the same answer every day.</remarks>
internal static class RulesStaleCommand
{
    public static Command Create(TextWriter stdout)
    {
        var pack = RulesCommand.PackArgument();
        var olderThan = new Option<string>("--older-than") { Description = "Maximum age of a review, in days (180d or 180).", DefaultValueFactory = _ => "180d" };
        var asOf = new Option<string>("--as-of") { Description = "The date to measure from, yyyy-MM-dd (required; the tool does not read the clock).", Required = true };
        var failIfDue = new Option<bool>("--fail-if-due") { Description = "Exit 1 when any rule is due for review (for a scheduled pipeline)." };
        var command = new Command("stale", "List rules whose last review is older than --older-than at --as-of (and rules never reviewed).")
        {
            pack, olderThan, asOf, failIfDue,
        };
        command.SetAction(parsed =>
        {
            var days = ParseDays(parsed.GetValue(olderThan)!);
            var date = ParseDate(parsed.GetValue(asOf)!);
            var rules = RulesCommand.LoadPack(parsed.GetValue(pack)).Rules;
            var stale = RuleReview.FindStale(rules, date, TimeSpan.FromDays(days));
            stdout.WriteLine("id\tfamily\tlastReviewed\tage");
            foreach (var rule in stale)
            {
                var reviewed = RulesListCommand.Date(rule.LastReviewed);
                var age = rule.LastReviewed is { } last ? $"{(int)(date - last).TotalDays} days" : "never reviewed";
                stdout.WriteLine($"{rule.Id}\t{rule.Family}\t{reviewed ?? "-"}\t{age}");
            }

            var never = stale.Count(r => r.LastReviewed is null);
            stdout.WriteLine(
                $"{stale.Count} of {rules.Count} rules due for review at {date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: "
                + $"{stale.Count - never} last reviewed more than {days} days before, {never} never reviewed.");
            return parsed.GetValue(failIfDue) && stale.Count > 0 ? ExitCodes.Failure : ExitCodes.Success;
        });
        return command;
    }

    private static int ParseDays(string text)
    {
        var trimmed = text.Trim();
        if (trimmed.EndsWith("d", StringComparison.OrdinalIgnoreCase))
        {
            trimmed = trimmed.Substring(0, trimmed.Length - 1);
        }

        if (!int.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out var days))
        {
            throw new CliException($"--older-than '{text}' is not a number of days such as 180d.", ExitCodes.Usage);
        }

        return days;
    }

    private static DateTimeOffset ParseDate(string text)
    {
        if (!DateTimeOffset.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            throw new CliException($"--as-of '{text}' is not a date written yyyy-MM-dd.", ExitCodes.Usage);
        }

        return date;
    }
}
