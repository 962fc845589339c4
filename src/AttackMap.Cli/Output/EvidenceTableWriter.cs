namespace AttackMap.Cli.Output;

/// <summary>Writes classified records as an aligned text table for people.</summary>
internal sealed class EvidenceTableWriter
{
    private const string Format = "{0,-44} {1,-18} {2,-44} {3,-10} {4,-18} {5}";
    private readonly TextWriter _output;
    private bool _headerWritten;

    public EvidenceTableWriter(TextWriter output) => _output = output;

    public void Write(ClassifiedRecord record, bool includeUnmapped)
    {
        if (record.IsMapped)
        {
            foreach (var evidence in record.Evidence)
            {
                Row(Location(record), evidence.Family.ToString(), evidence.Signal.MatchKey, evidence.Technique.Id, evidence.Kind.ToString(), evidence.Rule.Id);
            }
        }
        else if (includeUnmapped && !record.IsRejected)
        {
            Row(Location(record), record.Signal?.Family.ToString() ?? "-", record.Signal?.MatchKey ?? record.Record.IgnoredReason ?? string.Empty, "-", "unmapped", "-");
        }
    }

    private static string Location(ClassifiedRecord record) => $"{Path.GetFileName(record.Origin.File)}#{record.Origin.RecordIndex}";

    private static string Clip(string text, int width) => text.Length <= width ? text : text.Substring(0, width - 1) + "…";

    private void Row(string location, string family, string key, string technique, string kind, string rule)
    {
        if (!_headerWritten)
        {
            _headerWritten = true;
            _output.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, "RECORD", "FAMILY", "KEY", "TECHNIQUE", "KIND", "RULE"));
        }

        _output.WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, Format, Clip(location, 44), family, Clip(key, 44), technique, kind, rule));
    }
}
