using System.Globalization;
using AttackMap.Correlation;

namespace AttackMap.Cli.Output;

/// <summary>Writes correlated findings as a text table for people: one line per finding, then its records.</summary>
internal static class FindingTableWriter
{
    public static void Write(IEnumerable<Finding> findings, TextWriter output)
    {
        foreach (var finding in findings)
        {
            output.WriteLine(string.Format(
                CultureInfo.InvariantCulture,
                "{0} [{1}] {2} on {3} '{4}', {5:u} .. {6:u}, from {7}",
                finding.RuleId,
                string.Join(", ", finding.Techniques.Select(t => t.Id)),
                finding.Kind,
                finding.GroupBy,
                finding.Key,
                finding.First.UtcDateTime,
                finding.Last.UtcDateTime,
                string.Join(" + ", finding.Tables)));
            foreach (var record in finding.Records)
            {
                output.WriteLine($"    {record.Step,-14} {record.Table,-32} {record.MatchKey,-48} {Path.GetFileName(record.Origin.File)}#{record.Origin.RecordIndex}");
            }
        }
    }
}
