using System.Globalization;
using AttackMap.Correlation;
using AttackMap.Signals;

namespace AttackMap.Cli.Output;

/// <summary>Writes correlated findings as a text table for people: one line per finding, then its records.</summary>
/// <remarks>
/// A context-only correlation (such as <c>correlation.defender-alert-with-resource-write</c>) names no technique of its own (the alert's
/// own mapping does), so its technique list prints as <c>[-]</c>. A sign-in record's key is its result code, printed as <c>result 0</c>.
/// </remarks>
internal static class FindingTableWriter
{
    private const int KeyWidth = 48;

    public static void Write(IEnumerable<Finding> findings, TextWriter output)
    {
        foreach (var finding in findings)
        {
            output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0} [{1}] {2} on {3} '{4}', {5:u} .. {6:u}, from {7}",
                finding.RuleId,
                finding.Techniques.Count == 0 ? "-" : string.Join(", ", finding.Techniques.Select(t => t.Id)),
                finding.Kind,
                finding.GroupBy,
                finding.Key,
                finding.First.UtcDateTime,
                finding.Last.UtcDateTime,
                string.Join(" + ", finding.Tables)));
            // Columns fit the finding's own step names; long keys are cut in the middle so the file column stays aligned.
            var stepWidth = finding.Records.Max(r => (int?)r.Step.Length) ?? 0;
            foreach (var record in finding.Records)
            {
                output.WriteLine($"    {record.Step.PadRight(stepWidth)} {record.Table,-32} {EvidenceTableWriter.Clip(RecordKey(record), KeyWidth),-48} {Path.GetFileName(record.Origin.File)}#{record.Origin.RecordIndex}");
            }
        }
    }

    // A sign-in's match key is its result code ("0" is a success): say so, a bare "0" reads like a missing value.
    internal static string RecordKey(FindingRecord record) =>
        record.Family == LogFamily.EntraSignIn && record.MatchKey.Length > 0 ? "result " + record.MatchKey : record.MatchKey;
}
